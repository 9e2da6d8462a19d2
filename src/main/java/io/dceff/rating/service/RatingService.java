package io.dceff.rating.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dceff.platform.audit.Audited;
import io.dceff.platform.jdbc.Jdbc;
import io.dceff.platform.jdbc.RetriedTransaction;
import io.dceff.platform.security.Actor;
import io.dceff.rating.DesignDeclaration;
import io.dceff.rating.RatingEvaluator;
import io.dceff.rating.RatingResult;
import io.dceff.rating.RatingScheme;
import io.dceff.rating.StarRating;
import io.dceff.registry.DataCenter;
import io.dceff.registry.service.DataCenterService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** Rates a data center's declaration with a scheme and keeps the result with the scheme and version used. */
@ApplicationScoped
@Transactional
public class RatingService {

    @Inject
    RatingSchemes schemes;

    @Inject
    DataCenterService dataCenters;

    @Inject
    Jdbc jdbc;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    @Audited
    @RetriedTransaction(idempotent = false)
    public StarRating rate(String code, String schemeName, DesignDeclaration declaration, Actor actor) {
        DataCenter dc = dataCenters.require(code, actor);
        RatingScheme scheme = schemes.find(schemeName);
        RatingResult result = new RatingEvaluator().evaluate(scheme, declaration.values());
        Instant now = Instant.now(clock);
        long id = jdbc.insert(
                "INSERT INTO star_rating (data_center_id, scheme, scheme_version, stars, score, declaration,"
                        + " result, rated_at, rated_by) VALUES (?,?,?,?,?,?,?,?,?)",
                List.of(
                        dc.id,
                        scheme.id(),
                        scheme.version(),
                        result.stars(),
                        result.score(),
                        write(declaration),
                        write(result),
                        Timestamp.from(now),
                        actor.subject()));
        return new StarRating(id, code, declaration, result, now, actor.subject());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<StarRating> list(String code, Actor actor) {
        DataCenter dc = dataCenters.require(code, actor);
        return jdbc.list(
                "SELECT id, declaration, result, rated_at, rated_by FROM star_rating WHERE data_center_id = ?"
                        + " ORDER BY id",
                List.of(dc.id),
                rs -> rating(rs, code));
    }

    /** A star_rating row of the data center {@code code}, its declaration and result stored as JSON. */
    private StarRating rating(ResultSet rs, String code) throws SQLException {
        return new StarRating(
                rs.getLong("id"),
                code,
                read(rs.getString("declaration"), DesignDeclaration.class),
                read(rs.getString("result"), RatingResult.class),
                rs.getTimestamp("rated_at").toInstant(),
                rs.getString("rated_by"));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T read(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
