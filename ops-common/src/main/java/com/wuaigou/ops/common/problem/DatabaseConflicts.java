package com.wuaigou.ops.common.problem;

import com.wuaigou.ops.common.concurrency.IfMatch;
import com.wuaigou.ops.common.concurrency.Preconditions;
import io.quarkus.arc.All;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.OptimisticLockException;
import org.hibernate.StaleStateException;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Conflicts the database detects when two requests race past a service's own checks: a unique or other integrity
 * constraint, an optimistic lock (the version changed), a serialization failure or deadlock. They surface at a
 * statement, at a flush or at commit, wrapped differently each time, so the whole chain of causes is read.
 */
@ApplicationScoped
public class DatabaseConflicts {

    private static final Pattern DUPLICATE_KEY = Pattern.compile("Key \\((.+)\\)=\\(.*\\) already exists\\.?", Pattern.DOTALL);
    private static final String INTEGRITY_VIOLATION = "23";
    private static final String UNIQUE_VIOLATION = "23505";
    private static final String TRANSACTION_ROLLBACK = "40";

    private final Map<String, ConstraintConflict> named;

    DatabaseConflicts(@All List<ConstraintConflicts> services) {
        this.named = services.stream().flatMap(service -> service.all().stream())
                .collect(Collectors.toMap(c -> c.constraint().toLowerCase(Locale.ROOT), Function.identity()));
    }

    /** The 409 a failure stands for, if a database conflict caused it. */
    public Optional<Problem> problemFor(Throwable failure) {
        return problemFor(failure, null);
    }

    /**
     * The problem a failure stands for, if a database conflict caused it, for a request that sent {@code ifMatch}
     * (the header as sent, or {@code null}). A stale version at flush or commit is a 412 when the request named the
     * version it changes in {@code If-Match} (it lost a race it would have lost with 412 a moment later), else 409.
     */
    public Optional<Problem> problemFor(Throwable failure, String ifMatch) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof StaleStateException || cause instanceof OptimisticLockException) {
                return Optional.of(IfMatch.namesVersions(ifMatch) ? Preconditions.lostRace()
                        : conflict("stale-version", "Someone else changed this resource at the same time; read it"
                        + " again and retry"));
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                return fromSqlState(sql);
            }
        }
        return Optional.empty();
    }

    private Optional<Problem> fromSqlState(SQLException sql) {
        String state = sql.getSQLState();
        if (state.startsWith(TRANSACTION_ROLLBACK)) {
            return Optional.of(conflict("concurrent-modification",
                    "A concurrent change got in the way; read again and retry"));
        }
        if (!state.startsWith(INTEGRITY_VIOLATION)) {
            return Optional.empty();
        }
        ServerErrorMessage server = sql instanceof PSQLException psql ? psql.getServerErrorMessage() : null;
        String constraint = server == null || server.getConstraint() == null ? "" : server.getConstraint();
        ConstraintConflict rule = named.get(constraint.toLowerCase(Locale.ROOT));
        if (rule != null) {
            return Optional.of(conflict(rule.slug(), rule.detail()));
        }
        Matcher duplicate = server == null || server.getDetail() == null ? null : DUPLICATE_KEY.matcher(server.getDetail());
        if (state.equals(UNIQUE_VIOLATION) && duplicate != null && duplicate.matches()) {
            List<String> fields = Arrays.stream(duplicate.group(1).split(",\\s*")).map(DatabaseConflicts::camelCase).toList();
            return Optional.of(conflict("duplicate", String.join(", ", fields)
                    + (fields.size() == 1 ? " already exists" : " already exist together")));
        }
        return Optional.of(conflict("conflict", "The change conflicts with data stored at the same time; read again and retry"));
    }

    private static String camelCase(String column) {
        StringBuilder field = new StringBuilder();
        boolean upper = false;
        for (char c : column.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                field.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return field.toString();
    }

    private static Problem conflict(String slug, String detail) {
        return new Problem(Problem.TYPE_BASE + slug, "Conflict", 409, detail, null, List.of());
    }
}
