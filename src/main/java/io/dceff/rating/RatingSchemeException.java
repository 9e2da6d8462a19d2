package io.dceff.rating;

/** A rule file that cannot be used, naming the file, the rule (or section) and the problem. */
public class RatingSchemeException extends RuntimeException {

    private final String file;
    private final String rule;
    private final String problem;

    public RatingSchemeException(String file, String rule, String problem) {
        super("Rating scheme " + file + ", " + rule + ": " + problem);
        this.file = file;
        this.rule = rule;
        this.problem = problem;
    }

    public String file() {
        return file;
    }

    public String rule() {
        return rule;
    }

    public String problem() {
        return problem;
    }
}
