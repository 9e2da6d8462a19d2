package io.dceff.platform.jobs;

import io.dceff.platform.DceffConfig;
import io.dceff.platform.jdbc.DatabaseErrors;
import io.dceff.platform.jdbc.Jdbc;
import io.dceff.platform.jdbc.Jdbc.DataAccessException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Makes scheduled work run once per cluster, not once per replica. The first replica to insert the row
 * (job, period) holds the lease and does the work; the others find the row and skip. A replica that dies
 * mid-run leaves an unfinished row whose lease another replica takes over once it has expired. Times are
 * the database's, so replicas with drifting clocks agree. A row rather than GET_LOCK because GET_LOCK is
 * local to one Galera node, while a row is replicated (a conflicting insert on another node fails at commit).
 */
@ApplicationScoped
public class JobLease {

    /** A lease held by this replica. */
    public record Claim(String job, YearMonth period, String instance) {}

    /** A run as stored, for the operators of the service. */
    public record JobRunView(
            String job,
            String period,
            String instance,
            Instant startedAt,

            @Schema(nullable = true, description = "absent while running")
            Instant finishedAt,

            int attempts,
            @Schema(nullable = true) String outcome) {}

    @Inject
    Jdbc jdbc;

    @Inject
    DceffConfig config;

    public String instance() {
        return config.jobs()
                .instance()
                .or(() -> Optional.ofNullable(System.getenv("HOSTNAME")).filter(h -> !h.isBlank()))
                .orElseGet(() -> "dceff-" + ProcessHandle.current().pid());
    }

    /** @return the claim when this replica is to run the job for the period, empty when another has it */
    public Optional<Claim> claim(String job, YearMonth period) {
        String instance = instance();
        long leaseSeconds = config.jobs().lease().toSeconds();
        try {
            int inserted = jdbc.update(
                    "INSERT IGNORE INTO job_run (job, period, instance, claimed_until, started_at) "
                            + "VALUES (?, ?, ?, NOW(3) + INTERVAL ? SECOND, NOW(3))",
                    List.of(job, period.toString(), instance, leaseSeconds));
            if (inserted == 1) {
                return Optional.of(new Claim(job, period, instance));
            }
            int taken = jdbc.update(
                    "UPDATE job_run SET instance = ?, claimed_until = NOW(3) + INTERVAL ? SECOND, "
                            + "started_at = NOW(3), attempts = attempts + 1 WHERE job = ? AND period = ? "
                            + "AND finished_at IS NULL AND claimed_until < NOW(3)",
                    List.of(instance, leaseSeconds, job, period.toString()));
            return taken == 1 ? Optional.of(new Claim(job, period, instance)) : Optional.empty();
        } catch (DataAccessException e) {
            if (lostRace(e)) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** Marks the run done; a replica that lost its lease meanwhile finishes nothing. */
    public boolean finish(Claim claim, String outcome) {
        return jdbc.update(
                        "UPDATE job_run SET finished_at = NOW(3), outcome = ? WHERE job = ? AND period = ? "
                                + "AND instance = ? AND finished_at IS NULL",
                        List.of(outcome, claim.job(), claim.period().toString(), claim.instance()))
                == 1;
    }

    /** Gives the lease back after a failure, so that the next tick of any replica retries. */
    public void release(Claim claim, String failure) {
        jdbc.update(
                "UPDATE job_run SET claimed_until = NOW(3), outcome = ? WHERE job = ? AND period = ? "
                        + "AND instance = ? AND finished_at IS NULL",
                List.of(abbreviate(failure), claim.job(), claim.period().toString(), claim.instance()));
    }

    public List<JobRunView> runs(String job) {
        return jdbc.list(
                "SELECT job, period, instance, started_at, finished_at, attempts, outcome FROM job_run "
                        + (job == null ? "" : "WHERE job = ? ") + "ORDER BY started_at DESC LIMIT 200",
                job == null ? List.of() : List.of(job),
                JobLease::run);
    }

    private static JobRunView run(ResultSet rs) throws SQLException {
        Timestamp finished = rs.getTimestamp("finished_at");
        return new JobRunView(
                rs.getString("job"),
                rs.getString("period"),
                rs.getString("instance"),
                rs.getTimestamp("started_at").toInstant(),
                finished == null ? null : finished.toInstant(),
                rs.getInt("attempts"),
                rs.getString("outcome"));
    }

    private static boolean lostRace(DataAccessException e) {
        // a Galera certification failure or an InnoDB deadlock: another replica claimed at the same moment
        return DatabaseErrors.isConflict(e);
    }

    private static String abbreviate(String text) {
        String value = text == null ? "failed" : text;
        return value.length() <= 500 ? value : value.substring(0, 497) + "...";
    }
}
