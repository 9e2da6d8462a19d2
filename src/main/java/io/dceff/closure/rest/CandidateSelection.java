package io.dceff.closure.rest;

import io.dceff.closure.service.ClosureService.Item;
import io.dceff.platform.ConversionFactors;
import io.dceff.platform.problem.ProblemException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * What the dashboard's table shows, so that an export holds the same rows in the same order: a text filter
 * over code, name and operator (case-insensitive, as typed), and a sort on one column, {@code -} before the key
 * for descending. Rows without a value for the sorted column come last either way; ties keep the rule's order
 * (largest saving first, then code).
 */
public record CandidateSelection(String text, String sortKey, boolean descending) {

    /** Sort keys and the value each sorts by; district sorts by its GB/T 2260 code. */
    private static final Map<String, Function<ClosureCandidateView, Comparable<?>>> KEYS = Map.ofEntries(
            Map.entry("code", v -> v.dataCenter().code()),
            Map.entry("name", v -> v.dataCenter().name()),
            Map.entry("district", v -> v.dataCenter().district()),
            Map.entry("operator", v -> v.dataCenter().operatorCode()),
            Map.entry("status", v -> v.status().name()),
            Map.entry("pue", v -> v.criteria().pue().value()),
            Map.entry("racks", v -> v.criteria().racks().value()),
            Map.entry("age", v -> v.criteria().age().value()),
            Map.entry("months", ClosureCandidateView::monthsOfData),
            Map.entry("saving", ClosureCandidateView::annualSavingKwh),
            Map.entry("tco2", ClosureCandidateView::annualSavingTco2));

    public static final String SORT_KEYS =
            "code, name, district, operator, status, pue, racks, age, months, saving, tco2";

    /** @param sort a key of {@link #SORT_KEYS}, {@code -key} for descending, or null for the rule's order */
    public static CandidateSelection of(String text, String sort) {
        String filter = text == null || text.isBlank() ? null : text.trim().toLowerCase(Locale.ROOT);
        if (sort == null || sort.isBlank()) {
            return new CandidateSelection(filter, null, false);
        }
        boolean descending = sort.startsWith("-");
        String key = descending ? sort.substring(1) : sort;
        if (!KEYS.containsKey(key)) {
            throw ProblemException.invalid("sort", "must be one of " + SORT_KEYS + ", with - before it for descending");
        }
        return new CandidateSelection(filter, key, descending);
    }

    /**
     * The items as the table shows them, each made a view only when read (an export of every site is written a row at
     * a time): the text matched against the site's code, name and operator, which its view shows; a sort by the view's
     * value, read once per item.
     */
    public List<ClosureCandidateView> apply(List<Item> items, ConversionFactors factors) {
        List<Item> shown =
                text == null ? items : items.stream().filter(this::matches).toList();
        if (sortKey != null) {
            Function<ClosureCandidateView, Comparable<?>> value = KEYS.get(sortKey);
            shown = shown.stream()
                    .map(i -> new Keyed(value.apply(ClosureCandidateView.of(i, factors)), i))
                    .sorted(order())
                    .map(Keyed::item)
                    .toList();
        }
        return ClosureCandidateView.of(shown, factors);
    }

    /** An item with the value it sorts by. */
    private record Keyed(Comparable<?> key, Item item) {}

    private boolean matches(Item item) {
        var site = item.site();
        return Stream.of(site.facts().code(), site.name(), site.operatorCode())
                .anyMatch(s -> s != null && s.toLowerCase(Locale.ROOT).contains(text));
    }

    /** By the sort value, rows without one last either way; a stable sort, so ties keep the rule's order. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private Comparator<Keyed> order() {
        Comparator<Comparable> natural = descending ? Comparator.reverseOrder() : Comparator.naturalOrder();
        return Comparator.comparing(k -> (Comparable) k.key(), Comparator.nullsLast(natural));
    }

    /** The selection in words, for the header of an export. */
    public String describe() {
        return (text == null ? "" : "text \"" + text + "\"; ")
                + (sortKey == null
                        ? "rule order"
                        : "sorted by " + sortKey + (descending ? ", descending" : ", ascending"));
    }
}
