/*
 * Real GStreamer's sink wake-up error, measured the way WakeupError.java measures gst-mini's:
 *
 *   videotestsrc is-live=<0|1> num-buffers=N ! video/x-raw,framerate=100/1,width=64,height=48
 *     ! fakesink name=sink sync=true signal-handoffs=true
 *
 * fakesink emits "handoff" at the top of its render (gst_fake_sink_render, right after the
 * num-buffers check); the callback first reads the pipeline clock, then records now - due with
 * due = base_time + running_time(pts) + latency + ts-offset - render-delay
 * (gst_base_sink_adjust_time). It prints min, median, p90, p99 and max in µs, and the CPU the
 * process and the streaming thread used while measuring, as % of one core.
 *
 * No GStreamer development headers are needed (this machine has only the runtime libraries):
 * the few functions used are declared below with their C signatures, and GstBuffer's public,
 * ABI-stable layout (gst/gstminiobject.h, gst/gstbuffer.h of GStreamer 1.x) is copied to read
 * the pts. Build (time-gst-launch.sh / wakeup-error.sh do it):
 *
 *   gcc -O2 -o gst_wakeup gst_wakeup.c /usr/lib/x86_64-linux-gnu/libgstreamer-1.0.so.0 \
 *       /usr/lib/x86_64-linux-gnu/libgstbase-1.0.so.0 /usr/lib/x86_64-linux-gnu/libgobject-2.0.so.0 \
 *       /usr/lib/x86_64-linux-gnu/libglib-2.0.so.0
 *
 * Usage: gst_wakeup <0|1 is-live> [buffers=1000] [warmup=100] [framerate=100]
 */
#define _GNU_SOURCE
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/resource.h>

typedef uint64_t GstClockTime;
typedef void *gpointer;
typedef struct _GstElement GstElement;

/* gst/gstminiobject.h */
typedef struct {
    unsigned long type; /* GType */
    int refcount;
    int lockstate;
    unsigned int flags;
    void *copy;
    void *dispose;
    void *free;
    unsigned int priv_uint;
    gpointer priv_pointer;
} GstMiniObject;

/* gst/gstbuffer.h */
typedef struct {
    GstMiniObject mini_object;
    void *pool;
    GstClockTime pts;
    GstClockTime dts;
    GstClockTime duration;
    uint64_t offset;
    uint64_t offset_end;
} GstBuffer;

enum { GST_STATE_NULL = 1, GST_STATE_PLAYING = 4 };
enum { GST_MESSAGE_EOS = 1 << 0, GST_MESSAGE_ERROR = 1 << 1 };
enum { GST_FORMAT_TIME = 3 };
/* GST_EVENT_MAKE_TYPE (70, DOWNSTREAM | SERIALIZED | STICKY) */
enum { GST_EVENT_SEGMENT = (70 << 8) | 2 | 4 | 8 };
#define GST_CLOCK_TIME_NONE ((GstClockTime) -1)

void gst_init(int *argc, char ***argv);
GstElement *gst_parse_launch(const char *description, void **error);
GstElement *gst_bin_get_by_name(GstElement *bin, const char *name);
int gst_element_set_state(GstElement *element, int state);
void *gst_element_get_bus(GstElement *element);
void *gst_bus_timed_pop_filtered(void *bus, GstClockTime timeout, int types);
void *gst_element_get_clock(GstElement *element);
GstClockTime gst_element_get_base_time(GstElement *element);
GstClockTime gst_clock_get_time(void *clock);
GstClockTime gst_base_sink_get_latency(GstElement *sink);
int64_t gst_base_sink_get_ts_offset(GstElement *sink);
GstClockTime gst_base_sink_get_render_delay(GstElement *sink);
void *gst_pad_get_sticky_event(void *pad, int type, unsigned int idx);
void gst_event_parse_segment(void *event, const void **segment);
uint64_t gst_segment_to_running_time(const void *segment, int format, uint64_t position);
void gst_mini_object_unref(void *object);
unsigned long g_signal_connect_data(gpointer instance, const char *signal, void (*handler)(void), gpointer data,
                                    void *destroy, int flags);

static int64_t *late;
static int count, total, warmup;
static void *clock_;
static struct timespec wall0, wall1, thr0, thr1;
static struct rusage ru0, ru1;

static double cpu_ns(const struct rusage *r) {
    return (r->ru_utime.tv_sec + r->ru_stime.tv_sec) * 1e9 + (r->ru_utime.tv_usec + r->ru_stime.tv_usec) * 1e3;
}

static double ts_ns(const struct timespec *t) {
    return t->tv_sec * 1e9 + t->tv_nsec;
}

static void on_handoff(GstElement *sink, GstBuffer *buffer, void *pad, gpointer user_data) {
    (void) user_data;
    if (clock_ == NULL) {
        clock_ = gst_element_get_clock(sink); /* a reference, kept */
    }
    GstClockTime now = gst_clock_get_time(clock_); /* first thing (after the first call) */
    GstClockTime rt = buffer->pts;
    void *ev = gst_pad_get_sticky_event(pad, GST_EVENT_SEGMENT, 0);
    if (ev != NULL) {
        const void *seg = NULL;
        gst_event_parse_segment(ev, &seg);
        rt = gst_segment_to_running_time(seg, GST_FORMAT_TIME, buffer->pts);
        gst_mini_object_unref(ev);
    }
    /* gst_base_sink_adjust_time */
    int64_t t = (int64_t) (rt + gst_base_sink_get_latency(sink));
    int64_t off = gst_base_sink_get_ts_offset(sink);
    int64_t rd = (int64_t) gst_base_sink_get_render_delay(sink);
    if (off < 0) {
        t = -off < t ? t + off : 0;
    } else {
        t += off;
    }
    t = t > rd ? t - rd : 0;
    GstClockTime due = gst_element_get_base_time(sink) + (GstClockTime) t;
    if (count < total) {
        late[count] = (int64_t) (now - due);
    }
    count++;
    if (count == warmup + 1) {
        clock_gettime(CLOCK_MONOTONIC, &wall0);
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &thr0);
        getrusage(RUSAGE_SELF, &ru0);
    } else if (count == total) {
        clock_gettime(CLOCK_MONOTONIC, &wall1);
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &thr1);
        getrusage(RUSAGE_SELF, &ru1);
    }
}

static int cmp(const void *a, const void *b) {
    int64_t x = *(const int64_t *) a, y = *(const int64_t *) b;
    return x < y ? -1 : x > y;
}

static int64_t pct(const int64_t *s, int n, double p) {
    int rank = (int) __builtin_ceil(p / 100.0 * n);
    if (rank < 1) rank = 1;
    if (rank > n) rank = n;
    return s[rank - 1];
}

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: %s <0|1 is-live> [buffers=1000] [warmup=100] [framerate=100]\n", argv[0]);
        return 2;
    }
    int live = atoi(argv[1]);
    total = argc > 2 ? atoi(argv[2]) : 1000;
    warmup = argc > 3 ? atoi(argv[3]) : 100;
    int fps = argc > 4 ? atoi(argv[4]) : 100;
    late = calloc(total, sizeof *late);
    gst_init(NULL, NULL);
    char line[512];
    snprintf(line, sizeof line,
             "videotestsrc is-live=%s num-buffers=%d ! video/x-raw,framerate=%d/1,width=64,height=48"
             " ! fakesink name=sink sync=true signal-handoffs=true",
             live ? "true" : "false", total, fps);
    void *error = NULL;
    GstElement *p = gst_parse_launch(line, &error);
    if (p == NULL || error != NULL) {
        fprintf(stderr, "cannot build: %s\n", line);
        return 1;
    }
    GstElement *sink = gst_bin_get_by_name(p, "sink");
    g_signal_connect_data(sink, "handoff", (void (*)(void)) on_handoff, NULL, NULL, 0);
    gst_element_set_state(p, GST_STATE_PLAYING);
    void *msg = gst_bus_timed_pop_filtered(gst_element_get_bus(p), GST_CLOCK_TIME_NONE,
                                           GST_MESSAGE_EOS | GST_MESSAGE_ERROR);
    int is_error = msg != NULL && (*(int *) ((char *) msg + sizeof(GstMiniObject)) & GST_MESSAGE_ERROR);
    gst_element_set_state(p, GST_STATE_NULL);
    if (is_error || count != total) {
        fprintf(stderr, "%s: %s after %d of %d buffers\n", argv[0], is_error ? "ERROR" : "EOS", count, total);
        return 1;
    }
    int n = total - warmup;
    int64_t *s = late + warmup;
    qsort(s, n, sizeof *s, cmp);
    double wall = ts_ns(&wall1) - ts_ns(&wall0);
    printf("%-34s %9.1f %9.1f %9.1f %9.1f %9.1f %10.1f%% %9.1f%%\n",
           live ? "GStreamer 1.22 live (fakesink)" : "GStreamer 1.22 non-live (fakesink)", s[0] / 1e3,
           pct(s, n, 50) / 1e3, pct(s, n, 90) / 1e3, pct(s, n, 99) / 1e3, s[n - 1] / 1e3,
           100.0 * (cpu_ns(&ru1) - cpu_ns(&ru0)) / wall, 100.0 * (ts_ns(&thr1) - ts_ns(&thr0)) / wall);
    return 0;
}
