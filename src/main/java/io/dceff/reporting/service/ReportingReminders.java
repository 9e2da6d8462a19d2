package io.dceff.reporting.service;

import io.dceff.platform.DceffConfig;
import io.dceff.platform.jdbc.Jdbc;
import io.dceff.platform.jobs.JobLease;
import io.dceff.platform.security.Actor;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Reminders to operators whose running data centers have not reported a month by its due day. Every
 * replica ticks; the job lease lets exactly one of them write a month's reminders, once.
 */
@ApplicationScoped
public class ReportingReminders {

    public static final String JOB = "reporting-reminders";

    private static final Logger LOG = Logger.getLogger(ReportingReminders.class);

    /** One reminder: which data center, whose, for which month, written when. */
    public record Reminder(String dataCenter, String name, String operator, YearMonth period, Instant createdAt) {}

    @Inject
    Jdbc jdbc;

    @Inject
    JobLease lease;

    @Inject
    DceffConfig config;

    @Inject
    Clock clock;

    @Scheduled(
            identity = JOB,
            cron = "${dceff.jobs.reminders-cron}",
            timeZone = "Asia/Shanghai",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        runDue();
    }

    /** The month whose reminders are due on a day: the month before, once its due day has come. */
    public static Optional<YearMonth> duePeriod(LocalDate today, int dueDay) {
        return today.getDayOfMonth() >= dueDay
                ? Optional.of(YearMonth.from(today).minusMonths(1))
                : Optional.empty();
    }

    /** @return the number of reminders written, or empty when nothing was due or another replica had it */
    public Optional<Integer> runDue() {
        return duePeriod(LocalDate.now(clock), config.jobs().reportsDueDay()).flatMap(this::run);
    }

    /** Writes the month's reminders if this replica wins the month's lease. */
    public Optional<Integer> run(YearMonth period) {
        Optional<JobLease.Claim> claim = lease.claim(JOB, period);
        if (claim.isEmpty()) {
            LOG.debugf("%s for %s: run by another replica", JOB, period);
            return Optional.empty();
        }
        try {
            int written = write(period);
            lease.finish(claim.get(), written + " reminders");
            LOG.infof(
                    "%s for %s: %d data centers reminded (instance %s)",
                    JOB, period, written, claim.get().instance());
            return Optional.of(written);
        } catch (RuntimeException e) {
            lease.release(claim.get(), e.getMessage());
            throw e;
        }
    }

    private int write(YearMonth period) {
        // running data centers commissioned by the end of the month, with no report for it
        return jdbc.update(
                "INSERT IGNORE INTO reporting_reminder (data_center_id, period, operator_code, created_at) "
                        + "SELECT dc.id, ?, dc.operator_code, NOW(3) FROM data_center dc "
                        + "WHERE dc.status IN ('OPERATING', 'CONSOLIDATING') AND dc.commissioned_on <= ? "
                        + "AND NOT EXISTS (SELECT 1 FROM energy_report r WHERE r.data_center_id = dc.id AND r.period = ?)",
                List.of(period.atDay(1), period.atEndOfMonth(), period.atDay(1)));
    }

    public List<Reminder> list(YearMonth period, Actor actor) {
        List<Object> params = new ArrayList<>(List.of(period.atDay(1)));
        String own = "";
        if (actor.restrictedTo().isPresent()) {
            own = " AND r.operator_code = ?";
            params.add(actor.restrictedTo().get());
        }
        return jdbc.list(
                "SELECT dc.code, dc.name, r.operator_code, r.created_at FROM reporting_reminder r "
                        + "JOIN data_center dc ON dc.id = r.data_center_id WHERE r.period = ?" + own
                        + " ORDER BY dc.code",
                params,
                rs -> reminder(rs, period));
    }

    private static Reminder reminder(ResultSet rs, YearMonth period) throws SQLException {
        return new Reminder(
                rs.getString("code"),
                rs.getString("name"),
                rs.getString("operator_code"),
                period,
                rs.getTimestamp("created_at").toInstant());
    }
}
