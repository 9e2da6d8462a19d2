package io.dceff.closure;

import io.dceff.platform.AsOf;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A recorded decision on a data center, as the closure rule sees it: in force from the day it was decided. */
public record Decision(String dataCenterCode, DecisionAction action, String receivingSite, LocalDate decidedOn) {

    /**
     * The receiving site of each data center whose latest decision in force at the date is a MERGE: a decision
     * decided after the date is not known then, and a later decision in force (a CLOSE, say) replaces a merge.
     *
     * @param recorded every decision, in the order recorded
     */
    public static Map<String, String> mergeTargets(List<Decision> recorded, AsOf asOf) {
        Map<String, List<Decision>> bySite = new LinkedHashMap<>();
        recorded.forEach(d -> bySite.computeIfAbsent(d.dataCenterCode(), c -> new ArrayList<>())
                .add(d));
        Map<String, String> targets = new HashMap<>();
        bySite.forEach((code, decisions) -> asOf.latest(decisions, Decision::decidedOn)
                .filter(d -> d.action() == DecisionAction.MERGE)
                .ifPresent(d -> targets.put(code, d.receivingSite())));
        return targets;
    }
}
