package io.benchline.station.flow;

import io.benchline.station.InputError;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes a users file whole: to a file beside it, readable by this account only, then moved over
 * the old one, so a crash leaves the old file or the new one, never half of one.
 */
public final class UsersFileWriter {
    private UsersFileWriter() {}

    public static void write(Users users) {
        StringBuilder b = new StringBuilder();
        b.append("# Benchline station users, written by `benchline users add` (docs/production-flow.md).\n")
                .append("# PINs are PBKDF2 hashes; keep this file readable by the station's account only.\n")
                .append("users:\n");
        for (StationUser u : users.users()) {
            // names are checked against Users.NAME: no quote or backslash to escape
            b.append("  - name: \"").append(u.name()).append("\"\n");
            b.append("    role: ").append(u.role().text()).append('\n');
            b.append("    pin: \"").append(u.pin().text()).append("\"\n");
        }
        Path file = users.file().toAbsolutePath();
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.deleteIfExists(tmp);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(
                        tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(tmp);
            }
            Files.writeString(tmp, b, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new InputError("cannot write users file " + file + ": " + e.getMessage());
        }
    }
}
