package io.dceff.rating.rest;

import io.dceff.platform.security.Roles;
import io.dceff.rating.RatingScheme;
import io.dceff.rating.RuleFile;
import io.dceff.rating.service.RatingSchemes;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.nio.file.Paths;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/rating-schemes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
        name = "Green-design star rating",
        description =
                "Star ratings of data-center designs by the rule files " + "in ratings/ (scheme green-design-v1).")
public class RatingSchemeResource {

    /** A scheme as its rule file states it. */
    @Schema(name = "RatingScheme")
    public record SchemeView(
            String id,
            String version,
            String title,
            BigDecimal maxScore,
            String file,
            List<RuleFile.Prerequisite> prerequisites,
            List<RuleFile.CriterionRule> criteria,
            List<RuleFile.StarThreshold> stars,
            @Schema(nullable = true) RuleFile.Caps caps) {
        static SchemeView of(RatingScheme s) {
            return new SchemeView(
                    s.id(),
                    s.version(),
                    s.title(),
                    s.maxScore(),
                    Paths.get(s.file()).getFileName().toString(),
                    s.prerequisites(),
                    s.criteria(),
                    s.stars(),
                    s.caps());
        }
    }

    @Inject
    RatingSchemes schemes;

    @GET
    @RolesAllowed({Roles.OPERATOR, Roles.CARRIER, Roles.REGULATOR, Roles.ADMIN})
    @Operation(
            operationId = "listRatingSchemes",
            summary = "Rating schemes loaded from the rule files",
            description = "Each scheme as its rule file states it: prerequisites, criteria with their rules, star "
                    + "thresholds and caps. Any role.")
    public List<SchemeView> schemes() {
        return schemes.all().stream().map(SchemeView::of).toList();
    }
}
