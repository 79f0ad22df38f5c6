import java.awt.EventQueue;
import java.awt.Window;
import java.awt.event.WindowEvent;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.concurrent.FutureTask;

/**
 * Run by PngViewerLaunchTest as a single-file program, in a child JVM on an X display, with the
 * packaged modules: plays PngViewer and, once its window shows, closes it as a user would (a
 * WINDOW_CLOSING event), then prints what PngViewer.run returned. It lives in the unnamed
 * module, which reads java.desktop; the examples module itself does not need it.
 */
public class CloseTheWindow {
    public static void main(String[] args) throws Exception {
        Method run = Class.forName("org.gstmini.examples.pictures.PngViewer")
                .getMethod("run", String[].class, PrintStream.class);
        FutureTask<Object> viewer = new FutureTask<>(() -> run.invoke(null, new String[0], System.out));
        new Thread(viewer, "viewer").start();
        Window window = null;
        while (window == null && !viewer.isDone()) { // the test's process guard bounds this wait
            Thread.sleep(20);
            window = Arrays.stream(Window.getWindows()).filter(Window::isShowing).findFirst().orElse(null);
        }
        if (window != null) {
            Window w = window;
            System.out.println("closing the window");
            EventQueue.invokeLater(() -> w.dispatchEvent(new WindowEvent(w, WindowEvent.WINDOW_CLOSING)));
        }
        System.out.println("PngViewer returned " + viewer.get());
        System.exit(0);
    }
}
