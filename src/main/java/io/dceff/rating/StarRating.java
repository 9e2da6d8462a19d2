package io.dceff.rating;

import java.time.Instant;

/** A stored rating of a data center: the declaration, the scheme's result, and who rated it when. */
public record StarRating(
        long id,
        String dataCenterCode,
        DesignDeclaration declaration,
        RatingResult result,
        Instant ratedAt,
        String ratedBy) {}
