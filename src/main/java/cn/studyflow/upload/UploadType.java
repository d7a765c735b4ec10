package cn.studyflow.upload;

import java.util.List;
import java.util.Locale;

/** A kind of file a feature accepts: the media type its content must have and the extensions that go with it. */
public interface UploadType {

    /** The media type, as served on download; parameters such as a charset are allowed. */
    String contentType();

    /** Lower-case file name extensions without the dot; the first is the usual one. */
    List<String> extensions();

    default boolean hasExtension(String extension) {
        return extension != null && extensions().contains(extension.toLowerCase(Locale.ROOT));
    }
}
