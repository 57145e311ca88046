package com.wuaigou.ops.local;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * Runs another main class and exits when standard input closes, which happens when the JVM that started this one
 * dies, however it dies. A broker started by a test or the launcher therefore never outlives it.
 * Arguments: the main class, then its arguments.
 */
public final class ParentWatchingMain {

    private ParentWatchingMain() {
    }

    public static void main(String[] args) throws Exception {
        Thread watcher = new Thread(() -> {
            InputStream in = System.in;
            try {
                while (in.read() != -1) {
                    // Input is not used; reading only detects the end of the stream.
                }
            } catch (IOException ignored) {
                // A broken pipe means the parent is gone, as does the end of the stream.
            }
            System.exit(0);
        }, "parent-watcher");
        watcher.setDaemon(true);
        watcher.start();
        Method main = Class.forName(args[0]).getMethod("main", String[].class);
        main.invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
    }
}
