package cn.studyflow.material;

/**
 * What a version of a material and a review of one have alike: their own id, and the material and version
 * number they belong to (a version is found by material and number, a review names the version it judged).
 */
public abstract class VersionRow {

    private Long id;
    private Long materialId;
    private int versionNo;

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public Long getMaterialId() { return materialId; }
    public void setMaterialId(Long materialId) { this.materialId = materialId; }
    public int getVersionNo() { return versionNo; }
    public void setVersionNo(int versionNo) { this.versionNo = versionNo; }
}
