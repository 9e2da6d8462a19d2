package io.dceff.closure;

import java.time.LocalDate;

/**
 * A regulator's decision on a data center as asked for: the action, the receiving site of a merge, its dates, the
 * assessment it acts on (null: the latest in force that lists the site) and the reasons.
 */
public record NewDecision(
        DecisionAction action,
        String receivingSite,
        LocalDate decidedOn,
        LocalDate dueOn,
        LocalDate completedOn,
        Long assessmentId,
        String note) {}
