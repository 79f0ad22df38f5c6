package org.gstmini.examples.hello;

/**
 * Prints the synchronous call chain: each {@link #enter} indents one level deeper, each
 * {@link #leave} goes back up, and every line says which thread it runs on. Because pushes are
 * direct calls, the indentation is the Java call stack.
 */
final class Trace {
    private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);

    private Trace() {
    }

    static void enter(String what) {
        int[] d = DEPTH.get();
        print(d[0]++, "-> " + what);
    }

    static void leave(String what) {
        int[] d = DEPTH.get();
        print(--d[0], "<- " + what);
    }

    private static void print(int depth, String line) {
        System.out.println("[" + Thread.currentThread().getName() + "] " + "  ".repeat(depth) + line);
    }
}
