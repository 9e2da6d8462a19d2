package io.dceff.platform.validation;

import io.dceff.platform.problem.Problem.FieldError;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.TraversableResolver;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.lang.annotation.ElementType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Bean Validation of the rows of a batch (plain records, never JPA entities). The default validator asks
 * JPA, for every property of every row, whether it is loaded; with 100,000 rows that was a measurable
 * part of a batch (BENCHMARK.md), so rows are validated with a resolver that says every property is.
 */
@ApplicationScoped
public class RowValidator {

    private static final TraversableResolver EVERYTHING_REACHABLE = new TraversableResolver() {
        @Override
        public boolean isReachable(Object bean, Path.Node node, Class<?> rootType, Path path, ElementType type) {
            return true;
        }

        @Override
        public boolean isCascadable(Object bean, Path.Node node, Class<?> rootType, Path path, ElementType type) {
            return true;
        }
    };

    @Inject
    ValidatorFactory factory;

    private Validator validator;

    @PostConstruct
    void init() {
        validator =
                factory.usingContext().traversableResolver(EVERYTHING_REACHABLE).getValidator();
    }

    public <T> Set<ConstraintViolation<T>> validate(T row) {
        return validator.validate(row);
    }

    /** The row's constraint violations as field errors (without a row number: the batch's service numbers them). */
    public List<FieldError> errors(Object row) {
        Set<ConstraintViolation<Object>> violations = validator.validate(row);
        if (violations.isEmpty()) {
            return List.of();
        }
        List<FieldError> errors = new ArrayList<>(violations.size());
        violations.forEach(v -> errors.add(FieldError.of(v.getPropertyPath().toString(), v.getMessage())));
        return errors;
    }
}
