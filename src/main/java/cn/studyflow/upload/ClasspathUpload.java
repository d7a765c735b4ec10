package cn.studyflow.upload;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import org.springframework.core.io.ClassPathResource;
import org.springframework.web.multipart.MultipartFile;

/**
 * A file shipped with StudyFlow (under {@code src/main/resources}), handed to an upload as a browser would send it:
 * how the demo data uploads its sample files through the same checks as everyone's.
 */
public record ClasspathUpload(String path, String name, String contentType) implements MultipartFile {

    @Override
    public String getName() {
        return "file";
    }

    @Override
    public String getOriginalFilename() {
        return name;
    }

    @Override
    public String getContentType() {
        return contentType;
    }

    @Override
    public boolean isEmpty() {
        return getSize() == 0;
    }

    @Override
    public long getSize() {
        try {
            return new ClassPathResource(path).contentLength();
        } catch (IOException e) {
            return 0;
        }
    }

    @Override
    public byte[] getBytes() throws IOException {
        return new ClassPathResource(path).getContentAsByteArray();
    }

    @Override
    public InputStream getInputStream() throws IOException {
        return new ClassPathResource(path).getInputStream();
    }

    @Override
    public void transferTo(File dest) throws IOException {
        try (InputStream in = getInputStream()) {
            Files.copy(in, dest.toPath(), StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
