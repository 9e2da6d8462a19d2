package io.dceff.closure.rest;

import io.dceff.closure.ClosureThresholds;
import io.dceff.platform.ConversionFactor;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The shape of a frozen assessment as {@code GET /api/v1/assessments/{id}} answers it: the closure answer at its
 * {@code asOf} (every CANDIDATE and NO_DATA site, unpaged) with who froze it and when. The service answers the
 * stored JSON itself, so that it reads the same forever; this record documents it.
 */
@Schema(name = "Assessment")
public record AssessmentView(
        long id,
        Instant createdAt,
        String createdBy,
        LocalDate asOf,
        ClosurePageView.Window window,
        ClosureThresholds thresholds,
        List<ConversionFactor> factors,
        String rule,
        List<ClosureCandidateView> items,
        int page,
        int size,
        long total) {}
