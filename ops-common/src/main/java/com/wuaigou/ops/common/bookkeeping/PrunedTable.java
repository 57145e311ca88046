package com.wuaigou.ops.common.bookkeeping;

import java.time.Duration;

/**
 * A bookkeeping table whose rows are deleted once their timestamp is older than the horizon. A service adds a table of
 * its own by producing one of these as a bean.
 */
public record PrunedTable(String table, String timestampColumn, Duration horizon) {
}
