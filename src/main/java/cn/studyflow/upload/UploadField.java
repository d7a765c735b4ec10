package cn.studyflow.upload;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.util.unit.DataSize;

/**
 * What a file field accepts, from the feature's configuration: the extensions of its {@link UploadType}s and the
 * largest size. The page states both beside the field and the browser checks them before sending
 * ({@code fragments/upload :: file}, {@code /js/upload.js}); the server checks again, by content.
 */
public record UploadField(List<String> extensions, long maxBytes) {

    public static UploadField of(DataSize maxSize, UploadType... types) {
        return of(maxSize, Arrays.asList(types));
    }

    public static UploadField of(DataSize maxSize, Collection<? extends UploadType> types) {
        Set<String> extensions = new LinkedHashSet<>();
        types.forEach(t -> extensions.addAll(t.extensions()));
        return new UploadField(List.copyOf(extensions), maxSize.toBytes());
    }

    /** The {@code accept} attribute of the file input: {@code .pdf,.docx,…}. */
    public String accept() {
        return String.join(",", extensions.stream().map(e -> "." + e).toList());
    }

    public long maxMegabytes() {
        return DataSize.ofBytes(maxBytes).toMegabytes();
    }
}
