package com.wuaigou.ops.common.jdbc;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * This instance's copies of rows a write reads on every request, by key, so that the write needs no statement to read
 * them. A copy may be older than the database (another instance changed the row), so a write that relies on one checks
 * the row's version in its own statement and, when it moved, forgets the copy and starts again. Copies are shared
 * between requests: read them, never change them.
 */
public final class RowCopies<K, V> {

    private final Map<K, V> copies = new ConcurrentHashMap<>();
    private final Function<K, Optional<V>> read;

    /** @param read reads the row from the database; empty when there is none (nothing is kept then) */
    public RowCopies(Function<K, Optional<V>> read) {
        this.read = read;
    }

    /** The copy held, or the row read now and kept. */
    public Optional<V> get(K key) {
        V copy = copies.get(key);
        if (copy != null) {
            return Optional.of(copy);
        }
        Optional<V> row = read.apply(key);
        row.ifPresent(value -> copies.put(key, value));
        return row;
    }

    /** Drops the copy; the next {@link #get} reads the row again. */
    public void forget(K key) {
        copies.remove(key);
    }

    public void forgetAll() {
        copies.clear();
    }
}
