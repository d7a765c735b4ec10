package cn.studyflow.upload;

import java.util.List;

/**
 * The media type of a kind of file and its extensions, kept once for the enums that implement {@link UploadType}:
 * each constant holds one and answers {@link UploadType#contentType()} and {@link UploadType#extensions()} from it.
 */
public record MediaKind(String contentType, List<String> extensions) {

    public static MediaKind of(String contentType, String... extensions) {
        return new MediaKind(contentType, List.of(extensions));
    }
}
