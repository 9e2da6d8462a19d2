package io.dceff.platform.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dceff.platform.jdbc.Jdbc;
import io.dceff.platform.jdbc.TransactionRetry;
import io.dceff.platform.problem.ProblemException;
import io.dceff.platform.problem.ProblemType;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;

/**
 * Idempotent retries of POSTs (the {@code Idempotency-Key} header): the first request with a key reserves
 * it, runs, and stores its successful answer; a retry with the same key and the same body gets that answer
 * again ({@code Idempotent-Replayed: true}) without anything stored twice; the same key with another body,
 * or on another endpoint, is a 422; a retry while the first is still running is a 409. Failed requests
 * (4xx, 5xx) free the key, so a corrected retry may reuse it. Keys are per caller and kept 24 hours.
 * The key, the write and the answer commit in one transaction, run again by {@link TransactionRetry} on
 * a conflict or a lost connection: a retry whose first attempt did commit (a Galera node died during the
 * commit) finds the key and replays the answer, one that did not runs again. A retry that arrives while
 * the first is still running waits for it on the key's row and replays its answer (on another Galera node
 * it runs, loses the certification race at commit and is retried into the replay).
 */
@ApplicationScoped
public class Idempotency {

    public static final String HEADER = "Idempotency-Key";

    /** The header as the OpenAPI document describes it. */
    public static final String DESCRIPTION = "Makes a retry safe: 1–255 visible ASCII characters (a UUID is best). A "
            + "retry with the same key and body gets the first answer again (Idempotent-Replayed: true) and stores "
            + "nothing twice; the same key with another body is 422; kept 24 hours per caller.";

    public static final String REPLAYED = "Idempotent-Replayed";

    private record Stored(String endpoint, String hash, Integer status, String location, String body) {}

    @Inject
    Jdbc jdbc;

    @Inject
    TransactionRetry retry;

    @Inject
    ObjectMapper json;

    /** Runs the request once per (caller, key); without a key it just runs. */
    public Response once(String key, String subject, String endpoint, byte[] body, Supplier<Response> request) {
        if (key == null) {
            return request.get();
        }
        validate(key);
        String hash = sha256(body);
        return retry.run(true, () -> reserveRunAndStore(key, subject, endpoint, hash, request));
    }

    private Response reserveRunAndStore(
            String key, String subject, String endpoint, String hash, Supplier<Response> request) {
        int reserved = jdbc.update(
                "INSERT IGNORE INTO idempotency_key (subject, idem_key, endpoint, request_hash) "
                        + "VALUES (?, ?, ?, ?)",
                List.of(subject, key, endpoint, hash));
        if (reserved == 0) {
            return replay(find(subject, key), endpoint, hash);
        }
        // an exception rolls the reservation back with the write
        Response answer = request.get();
        if (answer.getStatus() >= 300) {
            release(subject, key);
            return answer;
        }
        URI location = answer.getLocation();
        jdbc.update(
                "UPDATE idempotency_key SET status = ?, location = ?, body = ? WHERE subject = ? AND idem_key = ?",
                java.util.Arrays.asList(
                        answer.getStatus(),
                        location == null ? null : location.toString(),
                        write(answer.getEntity()),
                        subject,
                        key));
        return answer;
    }

    /** As {@link #once} for a streamed body: with a key the body is read whole first, to compare retries. */
    public Response onceStreaming(
            String key,
            String subject,
            String endpoint,
            java.io.InputStream body,
            java.util.function.Function<java.io.InputStream, Response> request) {
        if (key == null) {
            return request.apply(body);
        }
        byte[] bytes;
        try {
            bytes = body.readAllBytes();
        } catch (java.io.IOException e) {
            throw new ProblemException(
                    ProblemType.MALFORMED_REQUEST, "The request body could not be read: " + e.getMessage(), null);
        }
        return once(key, subject, endpoint, bytes, () -> request.apply(new java.io.ByteArrayInputStream(bytes)));
    }

    /** The canonical bytes of a parsed JSON body, for {@link #once}. */
    public byte[] bytesOf(Object body) {
        try {
            return json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Response replay(Stored stored, String endpoint, String hash) {
        if (stored == null) {
            // purged or released between our insert and this read: ask for a retry rather than guess
            throw new ProblemException(
                    ProblemType.CONFLICT,
                    "The request with this Idempotency-Key has just " + "finished or failed; retry",
                    null);
        }
        if (!stored.endpoint().equals(endpoint) || !stored.hash().equals(hash)) {
            throw new ProblemException(
                    ProblemType.UNPROCESSABLE,
                    "This Idempotency-Key was used with another "
                            + (stored.endpoint().equals(endpoint) ? "body" : "endpoint (" + stored.endpoint() + ")")
                            + "; use a new key for a new request",
                    null);
        }
        if (stored.status() == null) {
            throw new ProblemException(
                    ProblemType.CONFLICT,
                    "A request with this Idempotency-Key is still being "
                            + "processed; retry when it has been answered",
                    null);
        }
        Response.ResponseBuilder builder = Response.status(stored.status()).header(REPLAYED, "true");
        if (stored.location() != null) {
            builder.location(URI.create(stored.location()));
        }
        if (stored.body() != null) {
            builder.entity(stored.body()).type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"));
        }
        return builder.build();
    }

    private Stored find(String subject, String key) {
        return jdbc.first(
                        "SELECT endpoint, request_hash, status, location, body FROM idempotency_key "
                                + "WHERE subject = ? AND idem_key = ?",
                        List.of(subject, key),
                        Idempotency::stored)
                .orElse(null);
    }

    /** A stored key; its status is null while the first request is still being processed. */
    private static Stored stored(ResultSet rs) throws SQLException {
        return new Stored(
                rs.getString("endpoint"),
                rs.getString("request_hash"),
                rs.getObject("status", Integer.class),
                rs.getString("location"),
                rs.getString("body"));
    }

    private void release(String subject, String key) {
        jdbc.update("DELETE FROM idempotency_key WHERE subject = ? AND idem_key = ?", List.of(subject, key));
    }

    @Scheduled(every = "1h", delay = 5, delayUnit = java.util.concurrent.TimeUnit.MINUTES)
    void purge() {
        // harmless on every replica at once: each deletes what has expired
        jdbc.update("DELETE FROM idempotency_key WHERE created_at < NOW(3) - INTERVAL 24 HOUR", List.of());
    }

    private static void validate(String key) {
        if (key.isBlank() || key.length() > 255 || !key.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
            throw ProblemException.invalid(HEADER, "must be 1 to 255 visible ASCII characters (a UUID, say)");
        }
    }

    private String write(Object entity) {
        if (entity == null) {
            return null;
        }
        try {
            return entity instanceof String text ? text : json.writeValueAsString(entity);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
