package io.dceff.rating.rest;

import io.dceff.platform.security.Caller;
import io.dceff.platform.security.Roles;
import io.dceff.rating.service.RatingService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/data-centers/{code}/star-ratings")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Green-design star rating")
public class StarRatingResource {

    @Inject
    RatingService service;

    @Inject
    Caller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OPERATOR, Roles.REGULATOR, Roles.ADMIN})
    @Operation(
            operationId = "rateDataCenter",
            summary = "Rate a data center's green design",
            description =
                    "Scores the declaration with the scheme (default green-design-v1): prerequisites (any failed → "
                            + "0 stars, with the reason), each criterion's points (rounded half-up to 2 decimals) and evidence, "
                            + "stars by score capped by design PUE, and what the next star needs. Stored with the scheme id and "
                            + "version. 400 when a share is outside 0–1, meteringCategory outside 0–3 or designPue below 1.0. "
                            + "Operators: their own data centers only.")
    @APIResponse(
            responseCode = "201",
            description = "Rated and stored; Location lists the data center's ratings",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = StarRatingView.class)))
    public Response rate(
            @Parameter(description = "data-center code") @PathParam("code") String code,
            @RequestBody(
                            required = true,
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON,
                                            schema = @Schema(implementation = StarRatingRequest.class),
                                            examples =
                                                    @ExampleObject(
                                                            name = "efficient design",
                                                            value =
                                                                    "{\"scheme\": \"green-design-v1\", \"declaration\": "
                                                                            + "{\"designPue\": 1.18, \"renewableShare\": 0.5, \"wasteHeatReuseFactor\": 0.1, "
                                                                            + "\"designWue\": 1.8, \"liquidCoolingShare\": 0.3, \"catalogueEquipmentShare\": 0.8, "
                                                                            + "\"modular\": true, \"distributedPower\": false, \"meteringCategory\": 3}}")))
                    @Valid @NotNull StarRatingRequest request,
            UriInfo uri) {
        StarRatingView rating = StarRatingView.of(
                service.rate(code, request.scheme(), request.declaration().design(), caller.actor()));
        return Response.created(uri.getAbsolutePath()).entity(rating).build();
    }

    @GET
    @RolesAllowed({Roles.OPERATOR, Roles.REGULATOR, Roles.ADMIN})
    @Operation(
            operationId = "listStarRatings",
            summary = "Past ratings of a data center, oldest first",
            description = "Each names the scheme version it used. Operators: their own data centers only.")
    public List<StarRatingView> ratings(@Parameter(description = "data-center code") @PathParam("code") String code) {
        return service.list(code, caller.actor()).stream()
                .map(StarRatingView::of)
                .toList();
    }
}
