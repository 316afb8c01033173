/**
 * Objects whose members are made the first time they are read, for what every request carries but uses only
 * a little of (its loaders, its services): making them all up front was a measurable share of a credential
 * lookup's CPU (issue 20). Members come in groups made together (a group may make several, as a loader file
 * makes all of its aggregate's loaders); the first read of any member makes its group from the object's
 * sources and keeps each member on the object, where it shadows the shared getter from then on. A group is
 * given the object itself too, to use other members (a service built on another).
 */
export interface MemberGroup<S> {
  readonly names: readonly string[];
  make(sources: S, self: object): Record<string, unknown>;
}

const SOURCES = Symbol("sources");

/** Makes objects with `groups`' members, made on first read; a name in two groups is refused at once. */
export function lazyMembers<S, T extends object>(groups: ReadonlyArray<MemberGroup<S>>): (sources: S) => T {
  const prototype = {};
  for (const group of groups) {
    for (const name of group.names) {
      Object.defineProperty(prototype, name, {
        get(this: { [SOURCES]: S }) {
          const made = group.make(this[SOURCES], this);
          for (const [key, member] of Object.entries(made)) Object.defineProperty(this, key, { value: member, enumerable: true });
          return made[name];
        },
      });
    }
  }
  return (sources) => {
    const object = Object.create(prototype) as { [SOURCES]: S };
    object[SOURCES] = sources;
    return object as unknown as T;
  };
}
