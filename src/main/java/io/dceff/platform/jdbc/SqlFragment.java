package io.dceff.platform.jdbc;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A piece of SQL and the values of its {@code ?} placeholders, in order: what one capability adds to a statement
 * that another writes, when one statement must answer for every data center at once (the owner of the table the
 * statement reads writes its SQL; the other capability hands it its columns and joins as fragments).
 */
public record SqlFragment(String sql, List<Object> params) {

    /** Nothing to add. */
    public static final SqlFragment NONE = new SqlFragment("", List.of());

    public SqlFragment {
        params = Collections.unmodifiableList(new ArrayList<>(params)); // a value may be null (SQL NULL)
    }

    /** SQL without placeholders. */
    public static SqlFragment of(String sql) {
        return new SqlFragment(sql, List.of());
    }

    public boolean isEmpty() {
        return sql.isBlank();
    }
}
