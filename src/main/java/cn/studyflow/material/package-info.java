/** Study materials and their review, "two reviews and one sign-off" (两审一把关): files, versions, checklists, deadlines. */
package cn.studyflow.material;
