package cn.studyflow.upload;

import java.util.List;
import java.util.Locale;

/** A kind of file a feature accepts: the media type its content must have and the extensions that go with it. */
public interface UploadType {

    /** The media type and the extensions of this kind. */
    MediaKind kind();

    /** The media type, as served on download; parameters such as a charset are allowed. */
    default String contentType() {
        return kind().contentType();
    }

    /** Lower-case file name extensions without the dot; the first is the usual one. */
    default List<String> extensions() {
        return kind().extensions();
    }

    /** Whether files of this kind are compressed already, so that an archive stores them as they are. */
    default boolean compressed() {
        return kind().compressed();
    }

    default boolean hasExtension(String extension) {
        return extension != null && extensions().contains(extension.toLowerCase(Locale.ROOT));
    }
}
