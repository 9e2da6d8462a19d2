package io.dceff.rating.rest;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.dceff.rating.RatingResult;
import io.dceff.rating.StarRating;
import java.time.Instant;

/** A stored rating: the declaration, the result (stars, score, scheme, criteria, prerequisites, nextStar). */
public record StarRatingView(
        long id,
        String dataCenterCode,
        Declaration declaration,
        @JsonUnwrapped RatingResult result,
        Instant ratedAt,
        String ratedBy) {

    public static StarRatingView of(StarRating r) {
        return new StarRatingView(
                r.id(), r.dataCenterCode(), Declaration.of(r.declaration()), r.result(), r.ratedAt(), r.ratedBy());
    }
}
