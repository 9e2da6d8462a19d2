package io.dceff.closure.service;

import io.dceff.closure.DecisionAction;
import io.dceff.closure.NewDecision;
import io.dceff.closure.RecordedDecision;
import io.dceff.closure.service.AssessmentService.Stamp;
import io.dceff.platform.AsOf;
import io.dceff.platform.audit.Audited;
import io.dceff.platform.jdbc.Jdbc;
import io.dceff.platform.jdbc.RetriedTransaction;
import io.dceff.platform.problem.ProblemException;
import io.dceff.platform.security.Actor;
import io.dceff.registry.DataCenter;
import io.dceff.registry.DataCenterStatus;
import io.dceff.registry.service.DataCenterService;
import io.dceff.registry.service.SiteStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Regulators' decisions on candidates; each moves the data center's status, which keeps its own history. */
@ApplicationScoped
@Transactional
public class DecisionService {

    @Inject
    DataCenterService dataCenters;

    @Inject
    AssessmentService assessments;

    @Inject
    SiteStatus sites;

    @Inject
    Jdbc jdbc;

    @Inject
    Clock clock;

    @Audited
    @RetriedTransaction(idempotent = false)
    public RecordedDecision record(String code, NewDecision decision, Actor actor) {
        DataCenter dc = dataCenters.requireForUpdate(code, actor);
        DataCenter receiving = null;
        if (decision.action() == DecisionAction.MERGE) {
            if (decision.receivingSite() == null) {
                throw ProblemException.invalid("receivingSite", "is required for MERGE");
            }
            if (decision.receivingSite().equals(code)) {
                throw ProblemException.invalid("receivingSite", "must be another data center");
            }
            receiving = DataCenter.findByCode(decision.receivingSite())
                    .orElseThrow(() -> ProblemException.invalid(
                            "receivingSite", "unknown data center " + decision.receivingSite()));
            if (receiving.status != DataCenterStatus.OPERATING) {
                throw ProblemException.invalid("receivingSite", decision.receivingSite() + " is not operating");
            }
        } else if (decision.receivingSite() != null) {
            throw ProblemException.invalid("receivingSite", "only a MERGE has a receiving site");
        }
        LocalDate decidedOn = decision.decidedOn() == null ? LocalDate.now(clock) : decision.decidedOn();
        if (decision.completedOn() != null && decision.completedOn().isBefore(decidedOn)) {
            throw ProblemException.invalid("completedOn", "must not be before decidedOn");
        }
        Long assessmentId = evidence(dc, decision.assessmentId(), decidedOn);
        if (dc.status == DataCenterStatus.CLOSED) {
            throw ProblemException.conflict(code + " is already CLOSED");
        }
        Instant now = Instant.now(clock);
        long id = jdbc.insert(
                "INSERT INTO closure_decision (data_center_id, action, receiving_id, decided_on, due_on,"
                        + " completed_on, assessment_id, note, recorded_at, recorded_by) VALUES (?,?,?,?,?,?,?,?,?,?)",
                Arrays.asList(
                        dc.id,
                        decision.action().name(),
                        receiving == null ? null : receiving.id,
                        Date.valueOf(decidedOn),
                        date(decision.dueOn()),
                        date(decision.completedOn()),
                        assessmentId,
                        decision.note(),
                        Timestamp.from(now),
                        actor.subject()));
        String note = decision.action()
                + (receiving == null ? "" : " into " + receiving.code)
                + (decision.note() == null ? "" : ": " + decision.note());
        if (dc.status != DataCenterStatus.CONSOLIDATING) {
            dataCenters.changeStatus(code, DataCenterStatus.CONSOLIDATING, decidedOn, "decided " + note, actor);
        }
        if (decision.completedOn() != null) {
            dataCenters.changeStatus(
                    code, decision.action().statusWhenCompleted(), decision.completedOn(), "completed " + note, actor);
        }
        return list(code, actor).stream().filter(d -> d.id() == id).findFirst().orElseThrow();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<RecordedDecision> list(String code, Actor actor) {
        DataCenter dc = dataCenters.require(code, actor);
        record Row(
                long id,
                DecisionAction action,
                Long receivingId,
                LocalDate decidedOn,
                LocalDate dueOn,
                LocalDate completedOn,
                Long assessmentId,
                String note,
                Instant recordedAt,
                String recordedBy) {}
        List<Row> rows = new ArrayList<>();
        jdbc.query(
                "SELECT id, action, receiving_id, decided_on, due_on, completed_on, assessment_id, note, recorded_at,"
                        + " recorded_by FROM closure_decision WHERE data_center_id = ? ORDER BY id",
                List.of(dc.id),
                rs -> rows.add(new Row(
                        rs.getLong("id"),
                        DecisionAction.valueOf(rs.getString("action")),
                        rs.getObject("receiving_id", Long.class),
                        rs.getObject("decided_on", LocalDate.class),
                        rs.getObject("due_on", LocalDate.class),
                        rs.getObject("completed_on", LocalDate.class),
                        rs.getObject("assessment_id", Long.class),
                        rs.getString("note"),
                        rs.getTimestamp("recorded_at").toInstant(),
                        rs.getString("recorded_by"))));
        // the receiving sites' codes are the registry's: asked for once for the whole list
        Map<Long, String> codes = sites.codes(
                rows.stream().map(Row::receivingId).filter(Objects::nonNull).toList());
        return rows.stream()
                .map(r -> new RecordedDecision(
                        r.id(),
                        code,
                        r.action(),
                        r.receivingId() == null ? null : codes.get(r.receivingId()),
                        r.decidedOn(),
                        r.dueOn(),
                        r.completedOn(),
                        r.assessmentId(),
                        r.note(),
                        r.recordedAt(),
                        r.recordedBy(),
                        dc.status))
                .toList();
    }

    /**
     * The assessment a decision acts on: the one named, if it lists the site and is as of the decision's day or
     * earlier; when none is named, the latest in force on that day that lists the site (null when there is none).
     */
    private Long evidence(DataCenter dc, Long named, LocalDate decidedOn) {
        AsOf decided = AsOf.of(decidedOn);
        List<Stamp> listing = assessments.listing(dc.id);
        if (named == null) {
            return decided.latest(listing, Stamp::asOf).map(Stamp::id).orElse(null);
        }
        Stamp stamp = listing.stream()
                .filter(a -> a.id() == named)
                .findFirst()
                .orElseThrow(() -> ProblemException.invalid(
                        "assessmentId", "no stored assessment " + named + " lists " + dc.code));
        if (!decided.inForce(stamp.asOf())) {
            throw ProblemException.invalid(
                    "assessmentId",
                    "assessment " + named + " is as of " + stamp.asOf() + ", after decidedOn " + decidedOn);
        }
        return named;
    }

    private static Date date(LocalDate date) {
        return date == null ? null : Date.valueOf(date);
    }
}
