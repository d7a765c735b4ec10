package cn.studyflow.upload;

/**
 * A row that records a stored file in columns of these names (a material's version, a session's file), filled from
 * {@link FileStore.Stored#into}.
 *
 * @param <T> the kinds of file the row's feature accepts
 */
public interface StoredFileRow<T extends UploadType> {

    void setStoredName(String storedName);

    void setOriginalName(String originalName);

    void setFileType(T fileType);

    void setSizeBytes(long sizeBytes);

    void setSha256(String sha256);

    void setCrc32(Long crc32);
}
