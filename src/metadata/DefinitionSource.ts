/** One definition file as read from disk: its base name (`patient.yaml`) and its text. */
export interface DefinitionSource {
  readonly file: string;
  readonly text: string;
}
