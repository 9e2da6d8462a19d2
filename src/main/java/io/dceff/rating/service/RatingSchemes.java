package io.dceff.rating.service;

import io.dceff.platform.DceffConfig;
import io.dceff.platform.problem.ProblemException;
import io.dceff.rating.DesignDeclaration;
import io.dceff.rating.RatingScheme;
import io.dceff.rating.RatingSchemeLoader;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.List;
import org.jboss.logging.Logger;

/** The rating schemes of the rule-file directory, loaded once at start-up; a broken file stops the start. */
@Startup
@ApplicationScoped
public class RatingSchemes {

    private static final Logger LOG = Logger.getLogger(RatingSchemes.class);

    @Inject
    DceffConfig config;

    private List<RatingScheme> schemes;

    @PostConstruct
    void load() {
        schemes = new RatingSchemeLoader(DesignDeclaration.FIELDS)
                .loadDirectory(config.ratings().dir());
        LOG.infof(
                "Rating schemes loaded from %s: %s",
                config.ratings().dir(),
                schemes.stream().map(s -> s.id() + " " + s.version()).toList());
    }

    public List<RatingScheme> all() {
        return schemes;
    }

    /** "id" for its highest version, or "id@version"; the default scheme when null. */
    public RatingScheme find(String name) {
        String wanted = name == null || name.isBlank() ? config.ratings().defaultScheme() : name.trim();
        String id = wanted.contains("@") ? wanted.substring(0, wanted.indexOf('@')) : wanted;
        String version = wanted.contains("@") ? wanted.substring(wanted.indexOf('@') + 1) : null;
        return schemes.stream()
                .filter(s ->
                        s.id().equals(id) && (version == null || s.version().equals(version)))
                .max(Comparator.comparing(RatingScheme::version))
                .orElseThrow(() -> ProblemException.invalid(
                        "scheme", "unknown rating scheme " + wanted + " (see GET /api/v1/rating-schemes)"));
    }
}
