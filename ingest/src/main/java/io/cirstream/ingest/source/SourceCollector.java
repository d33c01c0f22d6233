package io.cirstream.ingest.source;

import io.cirstream.publisher.IngestSource;

import io.cirstream.publisher.ImageIds;
import io.cirstream.publisher.RejectReason;

import io.cirstream.contract.event.ImageMetadata;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Expands the paths given to {@code cirstream ingest}: folders (walked recursively, hidden entries skipped),
 * glob patterns ({@code photos/**.jpg}), CSV/JSONL image lists, and single files. Ids are the path relative to the
 * named folder (or glob base) without extension, or the file name without extension for a single file.
 * Hidden entries, non-regular files and second files with an id already taken are skipped and reported
 * ({@link Skipped}); unreadable folders are reported and the walk goes on.
 */
final class SourceCollector {
    private static final String WILDCARDS = "*?[{";
    private final String collection;
    private final ImageListReader imageLists;

    SourceCollector(String collection) {
        this.collection = collection;
        this.imageLists = new ImageListReader(collection);
    }

    Collected collect(List<String> arguments) {
        Collected into = new Collected();
        arguments.forEach(argument -> add(argument, into));
        into.dropDuplicateIds();
        return into;
    }

    private void add(String argument, Collected into) {
        if (argument.chars().anyMatch(c -> WILDCARDS.indexOf(c) >= 0)) {
            addGlob(argument, into);
            return;
        }
        Path path = Path.of(argument).toAbsolutePath().normalize();
        if (Files.isDirectory(path)) {
            into.roots.add(path);
            walk(path, file -> true, into);
        } else if (!Files.exists(path)) {
            into.problem(argument, RejectReason.NOT_FOUND, "no such file or folder");
        } else if (ImageListReader.isImageList(path)) {
            into.roots.add(path.getParent());
            imageLists.read(path, into);
        } else {
            into.roots.add(path.getParent());
            into.sources.add(source(ImageIds.stem(path), path));
        }
    }

    private void addGlob(String pattern, Collected into) {
        Path base = globBase(pattern);
        if (!Files.isDirectory(base)) {
            into.problem(pattern, RejectReason.NOT_FOUND, "glob base folder does not exist: " + base);
            return;
        }
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + Path.of(pattern).toAbsolutePath());
        into.roots.add(base);
        int before = into.sources.size();
        walk(base, matcher::matches, into);
        if (into.sources.size() == before) {
            into.problem(pattern, RejectReason.NOT_FOUND, "pattern matches no file");
        }
    }

    /** The folder part before the first segment with a wildcard: {@code a/b/**.png} → {@code a/b}. */
    private static Path globBase(String pattern) {
        int firstWildcard = 0;
        while (WILDCARDS.indexOf(pattern.charAt(firstWildcard)) < 0) {
            firstWildcard++;
        }
        int slash = pattern.lastIndexOf('/', firstWildcard);
        String base = slash < 0 ? "." : slash == 0 ? "/" : pattern.substring(0, slash);
        return Path.of(base).toAbsolutePath().normalize();
    }

    /** Adds the regular files under {@code root} that {@code accept} takes, in sorted path order. */
    private void walk(Path root, Predicate<Path> accept, Collected into) {
        List<Path> found = new ArrayList<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                    if (!dir.equals(root) && hidden(root, dir)) {
                        into.skip(dir.toString(), Skipped.Reason.HIDDEN, "hidden folder, not walked");
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    if (!accept.test(file)) {
                        return FileVisitResult.CONTINUE;
                    }
                    if (hidden(root, file)) {
                        into.skip(file.toString(), Skipped.Reason.HIDDEN, "hidden file");
                    } else if (attributes.isRegularFile() || Files.isRegularFile(file)) {
                        found.add(file);
                    } else {
                        into.skip(file.toString(), Skipped.Reason.NOT_A_REGULAR_FILE,
                                "not a regular file (a link to a folder, a device, a pipe or a socket)");
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    into.problem(file.toString(), RejectReason.UNREADABLE, "cannot read: " + e.getMessage());
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            into.problem(root.toString(), RejectReason.UNREADABLE, "cannot walk folder: " + e.getMessage());
        }
        found.stream().sorted().forEach(file -> into.sources.add(source(ImageIds.relative(root, file), file)));
    }

    private IngestSource source(String id, Path file) {
        return new IngestSource(id, file.toUri(), ImageMetadata.inCollection(collection).withSource(file.toString()),
                file.toString());
    }

    private static boolean hidden(Path root, Path file) {
        for (Path part : root.relativize(file)) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }
}
