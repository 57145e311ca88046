package com.wuaigou.ops.local;

import java.time.Duration;
import java.util.Arrays;

/**
 * Prints a development bearer token. Usage: {@code MintToken <staff id> <role> [<role> ...] [--days N]}.
 * Roles: staff, manager, director, admin, bi.
 */
public final class MintToken {

    private MintToken() {
    }

    public static void main(String[] args) {
        if (args.length < 2) {
            System.err.println("usage: MintToken <staff id> <role> [<role> ...] [--days N]");
            System.exit(2);
        }
        int days = 30;
        String[] roles = Arrays.copyOfRange(args, 1, args.length);
        int daysAt = Arrays.asList(roles).indexOf("--days");
        if (daysAt >= 0) {
            days = Integer.parseInt(roles[daysAt + 1]);
            roles = Arrays.copyOfRange(roles, 0, daysAt);
        }
        System.out.println(DevTokens.mint(Long.parseLong(args[0]), Duration.ofDays(days), roles));
    }
}
