package cn.studyflow.upload;

import cn.studyflow.common.BusinessException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.mime.MimeTypes;
import org.springframework.stereotype.Component;

/**
 * Tells which of a feature's allowed kinds an uploaded file is, from its content and never from its name:
 * Apache Tika's magic numbers, then StudyFlow's own look inside zips (Office documents, with limits against
 * zip bombs) and its strict rule for plain text. The name's extension must then agree with the content.
 * Refusals are {@link BusinessException}s with a message for the uploader.
 */
@Component
public class ContentDetector {

    private final ZipInspector zips;

    public ContentDetector(UploadProperties limits) {
        this.zips = new ZipInspector(limits);
    }

    /**
     * The allowed kind that the file's content is and its {@code name}'s extension names. Refuses with
     * {@code upload.error.type} (none of the allowed kinds), {@code upload.error.mismatch} (the extension
     * names another kind) or {@code upload.error.archive} (a zip beyond the limits).
     */
    public <T extends UploadType> T detect(Path file, String name, Collection<T> allowed) throws IOException {
        MediaType content = contentOf(file);
        List<T> matching = allowed.stream().filter(type -> isA(mediaType(type), content)).toList();
        if (matching.isEmpty()) {
            throw BusinessException.invalid("upload.error.type", extensions(allowed));
        }
        String extension = extension(name);
        return matching.stream().filter(type -> type.hasExtension(extension)).findFirst()
            .orElseThrow(() -> BusinessException.invalid("upload.error.mismatch", extension.isEmpty() ? "-" : extension,
                extensions(matching)));
    }

    /** What the bytes are: Tika's answer, made precise for zips and held to the stricter rule for text. */
    MediaType contentOf(Path file) throws IOException {
        MediaType content;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            content = Tika.DETECTOR.detect(in, new Metadata());
        }
        if (Tika.TYPES.isInstanceOf(content, MediaType.APPLICATION_ZIP)) {
            return zips.inspect(file);
        }
        if (content.equals(MediaType.TEXT_PLAIN) && !PlainText.accepts(file)) {
            return MediaType.OCTET_STREAM;
        }
        return content;
    }

    /**
     * Whether an allowed media type fits what the content is: the same, or a kind of it that only the name can
     * tell apart (the legacy Office container is one format for .doc, .xls and .ppt). Unknown content fits nothing.
     */
    private static boolean isA(MediaType allowed, MediaType content) {
        return !content.equals(MediaType.OCTET_STREAM)
            && (allowed.equals(content) || Tika.TYPES.isSpecializationOf(allowed, content));
    }

    private static MediaType mediaType(UploadType type) {
        return MediaType.parse(type.contentType()).getBaseType();
    }

    private static String extensions(Collection<? extends UploadType> types) {
        return types.stream().flatMap(t -> t.extensions().stream()).distinct().collect(Collectors.joining(", "));
    }

    /** The part of a file name after its last dot, or empty. */
    public static String extension(String name) {
        if (name == null) {
            return "";
        }
        int dot = name.lastIndexOf('.');
        return dot <= 0 || dot == name.length() - 1 ? "" : name.substring(dot + 1);
    }

    /**
     * Tika's detector by magic numbers alone: tika-core, no parsers. Read from Tika's type database (a large XML
     * file) on the first upload, not at start-up (issue 19).
     */
    private static final class Tika {
        static final MimeTypes DETECTOR = MimeTypes.getDefaultMimeTypes();
        static final MediaTypeRegistry TYPES = DETECTOR.getMediaTypeRegistry();
    }
}
