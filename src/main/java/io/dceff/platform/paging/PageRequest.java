package io.dceff.platform.paging;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** {@code page} (0-based) and {@code size} (1–500) of every list, as {@code @BeanParam}. */
public class PageRequest {

    public static final int MAX_SIZE = 500;

    @QueryParam("page")
    @DefaultValue("0")
    @Min(value = 0, message = "must be 0 or more") @Max(value = 1_000_000, message = "must be at most 1000000") @Parameter(description = "0-based page number")
    public int page;

    @QueryParam("size")
    @DefaultValue("50")
    @Min(value = 1, message = "must be between 1 and 500") @Max(value = MAX_SIZE, message = "must be between 1 and 500") @Parameter(description = "items per page, 1–500")
    public int size;

    public static PageRequest of(int page, int size) {
        PageRequest request = new PageRequest();
        request.page = page;
        request.size = size;
        return request;
    }

    public int offset() {
        return Math.toIntExact((long) page * size);
    }
}
