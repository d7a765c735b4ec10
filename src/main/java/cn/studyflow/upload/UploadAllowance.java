package cn.studyflow.upload;

import java.util.Set;
import org.springframework.util.unit.DataSize;

/**
 * A feature's upload endpoints that take larger requests than {@code spring.servlet.multipart} allows every other
 * one (a lecture's video): the POST paths, exactly as requested (without the context path), and the largest request
 * they take, every part included. A feature declares one as a bean; {@link MultipartLimits} raises the container's
 * ceiling to it and keeps the smaller limits for every other path. The feature still checks each file itself, with
 * its own message.
 */
public record UploadAllowance(Set<String> paths, DataSize maxRequestSize) {

    public UploadAllowance {
        paths = Set.copyOf(paths);
    }

    boolean covers(String path) {
        return paths.contains(path);
    }
}
