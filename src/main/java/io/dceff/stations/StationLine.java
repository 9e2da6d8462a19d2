package io.dceff.stations;

import io.dceff.platform.problem.Problem.FieldError;
import java.time.LocalDate;
import java.util.List;

/**
 * One row of a carrier's batch of base stations, with the errors already found in its shape where it came in
 * (the field constraints of the request): the batch answers them together with the registry's checks, row by row.
 */
public record StationLine(
        String siteId,
        String district,
        String technology,
        LocalDate builtOn,
        List<String> sharedWith,
        List<FieldError> inputErrors) {}
