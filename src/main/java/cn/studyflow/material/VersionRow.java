package cn.studyflow.material;

import lombok.Getter;
import lombok.Setter;

/**
 * What a version of a material and a review of one have alike: their own id, and the material and version
 * number they belong to (a version is found by material and number, a review names the version it judged).
 */
@Getter
@Setter
public abstract class VersionRow {

    private Long id;
    private Long materialId;
    private int versionNo;
}
