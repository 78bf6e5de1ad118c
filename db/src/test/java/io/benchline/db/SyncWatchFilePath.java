package io.benchline.db;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.util.ArrayList;
import java.util.List;
import org.h2.store.fs.FileBase;
import org.h2.store.fs.FilePath;
import org.h2.store.fs.FilePathWrapper;

/**
 * An H2 file system ({@code jdbc:h2:syncwatch:PATH}) over the real one that records, in order,
 * each write to and each force (fsync) of a database file ({@code .mv.db}) as it reaches the
 * operating system. What H2 itself does to the file, seen from below: nothing of ours is mocked.
 */
public final class SyncWatchFilePath extends FilePathWrapper {
    public enum Op {
        WRITE,
        FORCE
    }

    private static final List<Op> EVENTS = new ArrayList<>();

    /** One entry of the {@link #timeline()}: what happened, on which thread. */
    public record Mark(String what, String thread) {}

    private static final List<Mark> TIMELINE = new ArrayList<>();
    /** Runs on the forcing thread as each force of a database file begins (a test may hold a sync there). */
    private static volatile Runnable beforeForce = () -> {};

    /**
     * Writes, force begins and ends of the database files, each with its thread, in order, and
     * whatever a test adds with {@link #mark}: the order of real file operations across threads.
     */
    static synchronized List<Mark> timeline() {
        return List.copyOf(TIMELINE);
    }

    static synchronized void mark(String what) {
        TIMELINE.add(new Mark(what, Thread.currentThread().getName()));
    }

    static void beforeForce(Runnable hook) {
        beforeForce = hook;
    }

    static void register() {
        FilePath.register(new SyncWatchFilePath());
    }

    static synchronized List<Op> events() {
        return List.copyOf(EVENTS);
    }

    private static synchronized void record(String name, Op op) {
        if (name.endsWith(".mv.db")) {
            EVENTS.add(op);
            mark(op.name());
        }
    }

    private static void forceBegins(String name) {
        if (name.endsWith(".mv.db")) {
            mark("FORCE_BEGIN");
            beforeForce.run();
        }
    }

    @Override
    public String getScheme() {
        return "syncwatch";
    }

    @Override
    public FileChannel open(String mode) throws IOException {
        return new Watched(super.open(mode), name);
    }

    private static final class Watched extends FileBase {
        private final FileChannel channel;
        private final String name;

        Watched(FileChannel channel, String name) {
            this.channel = channel;
            this.name = name;
        }

        @Override
        public void implCloseChannel() throws IOException {
            channel.close();
        }

        @Override
        public long position() throws IOException {
            return channel.position();
        }

        @Override
        public FileChannel position(long pos) throws IOException {
            channel.position(pos);
            return this;
        }

        @Override
        public long size() throws IOException {
            return channel.size();
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            return channel.read(dst);
        }

        @Override
        public int read(ByteBuffer dst, long position) throws IOException {
            return channel.read(dst, position);
        }

        @Override
        public FileChannel truncate(long newLength) throws IOException {
            channel.truncate(newLength);
            record(name, Op.WRITE);
            return this;
        }

        @Override
        public void force(boolean metaData) throws IOException {
            forceBegins(name);
            channel.force(metaData);
            record(name, Op.FORCE);
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            int n = channel.write(src);
            record(name, Op.WRITE);
            return n;
        }

        @Override
        public int write(ByteBuffer src, long position) throws IOException {
            int n = channel.write(src, position);
            record(name, Op.WRITE);
            return n;
        }

        @Override
        public synchronized FileLock tryLock(long position, long size, boolean shared) throws IOException {
            return channel.tryLock(position, size, shared);
        }
    }
}
