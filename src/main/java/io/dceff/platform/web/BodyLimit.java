package io.dceff.platform.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dceff.platform.DceffConfig;
import io.dceff.platform.problem.Problem;
import io.dceff.platform.problem.ProblemType;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses a body declared larger than its limit with a 413 problem before it is read: batch uploads
 * ({@code .../batch}) may be as large as {@code quarkus.http.limits.max-body-size}, every other request
 * {@code dceff.limits.request-body} (1 MB). Vert.x's own limit (the batch size) still stops bodies sent
 * without a length.
 */
@ApplicationScoped
public class BodyLimit {

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    MemorySize batchLimit;

    @Inject
    DceffConfig config;

    @Inject
    ObjectMapper json;

    void install(@Observes Router router) {
        router.route().order(-100).handler(ctx -> {
            String length = ctx.request().getHeader("Content-Length");
            long declared = -1;
            try {
                declared = length == null ? -1 : Long.parseLong(length.trim());
            } catch (NumberFormatException ignored) {
                // Vert.x rejects a malformed length itself
            }
            long limit = ctx.request().path().endsWith("/batch")
                    ? batchLimit.asLongValue()
                    : config.limits().requestBody().asLongValue();
            if (declared > limit) {
                Problem problem = Problem.of(
                        ProblemType.PAYLOAD_TOO_LARGE,
                        "The body of " + declared
                                + " bytes is over the limit of " + limit + " bytes"
                                + (limit < batchLimit.asLongValue() ? "" : "; split it"),
                        ctx.request().path(),
                        null);
                ctx.response()
                        .setStatusCode(problem.status())
                        .putHeader("Content-Type", Problem.MEDIA_TYPE)
                        .putHeader("Connection", "close")
                        .end(encode(problem));
                return;
            }
            ctx.next();
        });
    }

    private String encode(Problem problem) {
        try {
            return json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
