package io.dceff.platform.web;

import io.dceff.platform.problem.ProblemType;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import io.dceff.platform.DceffConfig;
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

    void install(@Observes Router router) {
        router.route().order(-100).handler(ctx -> {
            String length = ctx.request().getHeader("Content-Length");
            long declared = -1;
            try {
                declared = length == null ? -1 : Long.parseLong(length.trim());
            } catch (NumberFormatException ignored) {
                // Vert.x rejects a malformed length itself
            }
            long limit = ctx.request().path().endsWith("/batch") ? batchLimit.asLongValue()
                    : config.limits().requestBody().asLongValue();
            if (declared > limit) {
                ProblemType type = ProblemType.PAYLOAD_TOO_LARGE;
                JsonObject problem = new JsonObject().put("type", type.uri()).put("title", type.title())
                        .put("status", 413).put("detail", "The body of " + declared + " bytes is over the limit of "
                                + limit + " bytes" + (limit < batchLimit.asLongValue() ? "" : "; split it")).put("instance", ctx.request().path());
                ctx.response().setStatusCode(413).putHeader("Content-Type", "application/problem+json")
                        .putHeader("Connection", "close").end(problem.encode());
                return;
            }
            ctx.next();
        });
    }
}
