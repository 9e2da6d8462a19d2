package io.dceff.closure.service;

import io.dceff.platform.jdbc.RetriedTransaction;
import io.dceff.platform.audit.Audited;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dceff.closure.ClosureStatus;
import io.dceff.closure.rest.ClosureAnswer;
import io.dceff.closure.rest.ClosureCandidateView;
import io.dceff.closure.service.ClosureService.Item;
import io.dceff.closure.service.ClosureService.Run;
import io.dceff.platform.jdbc.Jdbc;
import io.dceff.platform.problem.ProblemException;
import io.dceff.platform.security.Actor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Date;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

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
    Jdbc jdbc;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    public record Summary(long id, LocalDate asOf, Instant createdAt, String createdBy, int candidates, int noData) {
    }

    public record Stored(long id, String answerJson) {
    }

    @Audited
    @RetriedTransaction(idempotent = false)
    public Stored create(LocalDate asOf, Actor actor) {
        Run run = closure.run(asOf);
        List<Item> listed = run.withStatus(ClosureStatus.CANDIDATE, ClosureStatus.NO_DATA);
        ClosureAnswer answer = new ClosureAnswer(asOf, new ClosureAnswer.Window(run.window().first(), run.window().last()),
                run.thresholds(), run.factors().all(), ClosureAnswer.RULE,
                listed.stream().map(i -> ClosureCandidateView.of(i, run.factors())).toList(), 0, listed.size(),
                listed.size());
        String body;
        try {
            body = json.writeValueAsString(answer);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        Instant now = Instant.now(clock);
        int candidates = run.withStatus(ClosureStatus.CANDIDATE).size();
        long id = jdbc.insert("INSERT INTO assessment (as_of, window_first, window_last, created_at, created_by,"
                + " candidates, no_data, result, revisions) VALUES (?,?,?,?,?,?,?,?,?)",
                List.of(Date.valueOf(asOf), Date.valueOf(run.window().first().atDay(1)),
                        Date.valueOf(run.window().last().atDay(1)), java.sql.Timestamp.from(now), actor.subject(),
                        candidates, listed.size() - candidates, body, facts.revisionsUsed(run.window())));
        jdbc.batch("INSERT INTO assessment_item (assessment_id, data_center_id, status) VALUES (?,?,?)", listed,
                (ps, item) -> {
                    ps.setLong(1, id);
                    ps.setLong(2, item.site().id());
                    ps.setString(3, item.evaluation().status().name());
                });
        return new Stored(id, "{\"id\":" + id + ",\"createdAt\":\"" + now + "\",\"createdBy\":"
                + quoted(actor.subject()) + "," + body.substring(1));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Stored get(long id) {
        List<Stored> found = new ArrayList<>();
        jdbc.query("SELECT id, created_at, created_by, result FROM assessment WHERE id = ?", List.of(id),
                rs -> found.add(new Stored(rs.getLong(1), "{\"id\":" + rs.getLong(1) + ",\"createdAt\":\""
                        + rs.getTimestamp(2).toInstant() + "\",\"createdBy\":" + quoted(rs.getString(3)) + ","
                        + rs.getString(4).substring(1))));
        return found.stream().findFirst().orElseThrow(() -> ProblemException.notFound("Assessment", Long.toString(id)));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Summary> list() {
        List<Summary> found = new ArrayList<>();
        jdbc.query("SELECT id, as_of, created_at, created_by, candidates, no_data FROM assessment ORDER BY id DESC",
                List.of(), rs -> found.add(new Summary(rs.getLong(1), rs.getDate(2).toLocalDate(),
                        rs.getTimestamp(3).toInstant(), rs.getString(4), rs.getInt(5), rs.getInt(6))));
        return found;
    }

    /** The report revisions an assessment used, one "dataCenterId:YYYY-MM:revision" per line. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public String revisions(long id) {
        List<String> found = new ArrayList<>();
        jdbc.query("SELECT revisions FROM assessment WHERE id = ?", List.of(id), rs -> found.add(rs.getString(1)));
        return found.stream().findFirst().orElseThrow(() -> ProblemException.notFound("Assessment", Long.toString(id)));
    }

    private String quoted(String text) {
        try {
            return json.writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

}
