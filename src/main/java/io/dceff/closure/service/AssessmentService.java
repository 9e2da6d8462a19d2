package io.dceff.closure.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dceff.closure.ClosureStatus;
import io.dceff.closure.service.ClosureService.Item;
import io.dceff.closure.service.ClosureService.Run;
import io.dceff.platform.audit.Audited;
import io.dceff.platform.jdbc.Jdbc;
import io.dceff.platform.jdbc.RetriedTransaction;
import io.dceff.platform.problem.ProblemException;
import io.dceff.platform.security.Actor;
import io.dceff.registry.service.SiteStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Assessments: a run of the closure rule frozen as it was answered, with the report revisions it used,
 * so that it reads the same forever whatever is submitted or corrected later.
 */
@ApplicationScoped
@Transactional
public class AssessmentService {

    @Inject
    ClosureService closure;

    @Inject
    ClosureFacts facts;

    @Inject
    SiteStatus sites;

    @Inject
    Jdbc jdbc;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    /** A stored assessment's date, who froze it when, and its counts. */
    public record Summary(long id, LocalDate asOf, Instant createdAt, String createdBy, int candidates, int noData) {}

    public record Stored(long id, String answerJson) {}

    /** An assessment's id and the date it was run as of. */
    public record Stamp(long id, LocalDate asOf) {}

    @Audited
    @RetriedTransaction(idempotent = false)
    public Stored create(LocalDate asOf, BiFunction<Run, List<Item>, ?> answer, Actor actor) {
        Run run = closure.run(asOf);
        List<Item> listed = run.withStatus(ClosureStatus.CANDIDATE, ClosureStatus.NO_DATA);
        String body;
        try {
            body = json.writeValueAsString(answer.apply(run, listed));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        Instant now = Instant.now(clock);
        int candidates = run.withStatus(ClosureStatus.CANDIDATE).size();
        long id = jdbc.insert(
                "INSERT INTO assessment (as_of, window_first, window_last, created_at, created_by,"
                        + " candidates, no_data, result, revisions) VALUES (?,?,?,?,?,?,?,?,?)",
                List.of(
                        Date.valueOf(asOf),
                        Date.valueOf(run.window().first().atDay(1)),
                        Date.valueOf(run.window().last().atDay(1)),
                        java.sql.Timestamp.from(now),
                        actor.subject(),
                        candidates,
                        listed.size() - candidates,
                        body,
                        facts.revisionsUsed(run.window())));
        jdbc.batch(
                "INSERT INTO assessment_item (assessment_id, data_center_id, status) VALUES (?,?,?)",
                listed,
                (ps, item) -> {
                    ps.setLong(1, id);
                    ps.setLong(2, item.site().id());
                    ps.setString(3, item.evaluation().status().name());
                });
        return new Stored(
                id,
                "{\"id\":" + id + ",\"createdAt\":\"" + now + "\",\"createdBy\":" + quoted(actor.subject()) + ","
                        + body.substring(1));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Stored get(long id) {
        return jdbc.first(
                        "SELECT id, created_at, created_by, result FROM assessment WHERE id = ?",
                        List.of(id),
                        this::stored)
                .orElseThrow(() -> ProblemException.notFound("Assessment", Long.toString(id)));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Summary> list() {
        return jdbc.list(
                "SELECT id, as_of, created_at, created_by, candidates, no_data FROM assessment ORDER BY id DESC",
                List.of(),
                AssessmentService::summary);
    }

    /** Every stored assessment, in the order stored. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Stamp> stamps() {
        return jdbc.list("SELECT id, as_of FROM assessment ORDER BY id", List.of(), AssessmentService::stamp);
    }

    /** The stored assessments that list a data center (as a candidate or without data), in the order stored. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Stamp> listing(long dataCenterId) {
        return jdbc.list(
                "SELECT a.id, a.as_of FROM assessment a JOIN assessment_item i ON i.assessment_id = a.id"
                        + " WHERE i.data_center_id = ? ORDER BY a.id",
                List.of(dataCenterId),
                AssessmentService::stamp);
    }

    /** The ids of the data centers an assessment lists as candidates (not those without data). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Set<Long> candidateIds(long id) {
        Set<Long> ids = new HashSet<>();
        jdbc.query(
                "SELECT data_center_id FROM assessment_item WHERE assessment_id = ? AND status = 'CANDIDATE'",
                List.of(id),
                rs -> ids.add(rs.getLong("data_center_id")));
        return ids;
    }

    /** A row of assessment as stored: the frozen answer with its id and who created it when put in front. */
    private Stored stored(ResultSet rs) throws SQLException {
        long id = rs.getLong("id");
        return new Stored(
                id,
                "{\"id\":" + id + ",\"createdAt\":\""
                        + rs.getTimestamp("created_at").toInstant() + "\",\"createdBy\":"
                        + quoted(rs.getString("created_by")) + ","
                        + rs.getString("result").substring(1));
    }

    private static Summary summary(ResultSet rs) throws SQLException {
        return new Summary(
                rs.getLong("id"),
                rs.getObject("as_of", LocalDate.class),
                rs.getTimestamp("created_at").toInstant(),
                rs.getString("created_by"),
                rs.getInt("candidates"),
                rs.getInt("no_data"));
    }

    private static Stamp stamp(ResultSet rs) throws SQLException {
        return new Stamp(rs.getLong("id"), rs.getObject("as_of", LocalDate.class));
    }

    /** One report revision an assessment used. */
    public record RevisionUsed(String dataCenterCode, YearMonth period, int revision) {}

    /** The report revisions an assessment used, by data-center code and month. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<RevisionUsed> revisions(long id) {
        String stored = jdbc.first(
                        "SELECT revisions FROM assessment WHERE id = ?", List.of(id), rs -> rs.getString("revisions"))
                .orElseThrow(() -> ProblemException.notFound("Assessment", Long.toString(id)));
        // stored as "dataCenterId:YYYY-MM:revision" lines, as frozen; the codes are asked for once for all of them
        List<String[]> lines = new ArrayList<>();
        Set<Long> ids = new HashSet<>();
        for (String line : stored.split("\n")) {
            String[] parts = line.split(":");
            if (parts.length == 3) {
                lines.add(parts);
                ids.add(Long.parseLong(parts[0]));
            }
        }
        Map<Long, String> codes = sites.codes(ids);
        List<RevisionUsed> used = new ArrayList<>(lines.size());
        for (String[] parts : lines) {
            used.add(new RevisionUsed(
                    codes.get(Long.parseLong(parts[0])), YearMonth.parse(parts[1]), Integer.parseInt(parts[2])));
        }
        used.sort(Comparator.comparing(RevisionUsed::dataCenterCode).thenComparing(RevisionUsed::period));
        return used;
    }

    private String quoted(String text) {
        try {
            return json.writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
