import { Kind, type DocumentNode, type FragmentDefinitionNode } from 'graphql';

const byDocument = new WeakMap<DocumentNode, Record<string, FragmentDefinitionNode>>();

/**
 * The fragments of a document by name, once per document: Apollo keeps parsed documents in
 * its document store, so the same object comes back for every request of the same query.
 */
export function fragmentsOf(document: DocumentNode): Record<string, FragmentDefinitionNode> {
  let fragments = byDocument.get(document);
  if (!fragments) {
    fragments = {};
    for (const definition of document.definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
    }
    byDocument.set(document, fragments);
  }
  return fragments;
}
