package io.dceff.reporting.service;

import io.dceff.platform.DceffConfig;
import io.dceff.platform.jdbc.Jdbc;
import io.dceff.platform.jobs.JobLease;
import io.dceff.platform.security.Actor;
import io.dceff.registry.Site;
import io.dceff.registry.service.SiteStatus;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
    SiteStatus sites;

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

    /**
     * Running data centers commissioned by the end of the month (asked of the registry) with neither a report for it
     * nor a reminder yet, reminded in one batch of inserts.
     */
    private int write(YearMonth period) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            List<Site> running = sites.running(period.atEndOfMonth(), null, null);
            Set<Long> done = new HashSet<>(jdbc.list(
                    "SELECT data_center_id FROM energy_report WHERE period = ?"
                            + " UNION SELECT data_center_id FROM reporting_reminder WHERE period = ?",
                    List.of(period.atDay(1), period.atDay(1)),
                    rs -> rs.getLong("data_center_id")));
            List<Site> due =
                    running.stream().filter(s -> !done.contains(s.id())).toList();
            jdbc.batch(
                    "INSERT IGNORE INTO reporting_reminder (data_center_id, period, operator_code, created_at)"
                            + " VALUES (?, ?, ?, NOW(3))",
                    due,
                    (ps, site) -> {
                        ps.setLong(1, site.id());
                        ps.setObject(2, period.atDay(1));
                        ps.setString(3, site.operatorCode());
                    });
            return due.size();
        });
    }

    /** The month's reminders, in the order of the data centers' codes; an operator's own only. */
    public List<Reminder> list(YearMonth period, Actor actor) {
        List<Object> params = new ArrayList<>(List.of(period.atDay(1)));
        String own = "";
        if (actor.restrictedTo().isPresent()) {
            own = " AND operator_code = ?";
            params.add(actor.restrictedTo().get());
        }
        List<Written> written = jdbc.list(
                "SELECT data_center_id, operator_code, created_at FROM reporting_reminder WHERE period = ?" + own,
                params,
                WRITTEN);
        Set<Long> ids = new HashSet<>();
        written.forEach(w -> ids.add(w.dataCenterId()));
        Map<Long, Site> byId = sites.byId(ids);
        List<Reminder> reminders = new ArrayList<>(written.size());
        for (Written w : written) {
            Site site = byId.get(w.dataCenterId());
            reminders.add(new Reminder(site.code(), site.name(), w.operator(), period, w.createdAt()));
        }
        reminders.sort(Comparator.comparing(Reminder::dataCenter, Site.CODE_ORDER));
        return reminders;
    }

    /** A row of reporting_reminder: which data center, the operator reminded, when. */
    private record Written(long dataCenterId, String operator, Instant createdAt) {}

    private static final Jdbc.RowMapper<Written> WRITTEN = rs -> new Written(
            rs.getLong("data_center_id"),
            rs.getString("operator_code"),
            rs.getTimestamp("created_at").toInstant());
}
