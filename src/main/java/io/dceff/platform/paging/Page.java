package io.dceff.platform.paging;

import java.util.List;
import java.util.function.Function;

/** One page of a list: {@code {"items": [...], "page": 0, "size": 50, "total": 1234}}. */
public record Page<T>(List<T> items, int page, int size, long total) {

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), page, size, total);
    }

    /** Pages a list that is already complete in memory. */
    public static <T> Page<T> of(List<T> all, PageRequest request) {
        int from = Math.min(all.size(), request.offset());
        int to = Math.min(all.size(), from + request.size);
        return new Page<>(all.subList(from, to), request.page, request.size, all.size());
    }
}
