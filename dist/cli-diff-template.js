import require$$0$3 from 'assert';
import require$$0 from 'fs';
import require$$1 from 'zlib';
import require$$0$1 from 'node:fs';
import require$$1$1 from 'node:path';
import require$$2 from 'node:zlib';
import require$$4 from 'node:url';
import require$$0$2 from 'os';
import require$$1$2 from 'tty';

function _mergeNamespaces(n, m) {
	m.forEach(function (e) {
		e && typeof e !== 'string' && !Array.isArray(e) && Object.keys(e).forEach(function (k) {
			if (k !== 'default' && !(k in n)) {
				var d = Object.getOwnPropertyDescriptor(e, k);
				Object.defineProperty(n, k, d.get ? d : {
					enumerable: true,
					get: function () { return e[k]; }
				});
			}
		});
	});
	return Object.freeze(n);
}

function getDefaultExportFromCjs (x) {
	return x && x.__esModule && Object.prototype.hasOwnProperty.call(x, 'default') ? x['default'] : x;
}

var diffTemplate$2 = {};

var diff$2 = {};

var types = {};

var lib$3 = {};

var database$2 = {};

var lib$2 = {};

var entity = {};

var sortedMap = {};

var hasRequiredSortedMap;

function requireSortedMap () {
	if (hasRequiredSortedMap) return sortedMap;
	hasRequiredSortedMap = 1;
	(function (exports) {
		Object.defineProperty(exports, "__esModule", { value: true });
		exports.sortedMap = void 0;
		(function (sortedMap) {
		    function add(map, cmp, key, value) {
		        const i = lowerBound(map, cmp, key);
		        map.splice(i, 0, [key, value]);
		    }
		    sortedMap.add = add;
		    function find(map, cmp, key) {
		        const i = lowerBound(map, cmp, key);
		        if (i === map.length) {
		            return undefined;
		        }
		        const [foundKey, value] = map[i];
		        return cmp(foundKey, key) === 0 ? value : undefined;
		    }
		    sortedMap.find = find;
		    function findAll(map, cmp, key) {
		        let i = lowerBound(map, cmp, key);
		        const ret = [];
		        while (i < map.length && cmp(map[i][0], key) === 0) {
		            ret.push(map[i][1]);
		            i += 1;
		        }
		        return ret;
		    }
		    sortedMap.findAll = findAll;
		    /**
		     * Return the index to the first element in the the sorted map
		     *
		     * @see https://en.cppreference.com/w/cpp/algorithm/lower_bound#Version_2
		     */
		    function lowerBound(map, cmp, key) {
		        let first = 0;
		        let count = map.length;
		        while (count > 0) {
		            let it = first;
		            let step = Math.floor(count / 2);
		            it += step;
		            if (cmp(map[it][0], key) < 0) {
		                first = ++it;
		                count -= step + 1;
		            }
		            else {
		                count = step;
		            }
		        }
		        return first;
		    }
		})(exports.sortedMap || (exports.sortedMap = {}));
		
	} (sortedMap));
	return sortedMap;
}

var hasRequiredEntity;

function requireEntity () {
	if (hasRequiredEntity) return entity;
	hasRequiredEntity = 1;
	Object.defineProperty(entity, "__esModule", { value: true });
	entity.optionalCmp = entity.numberCmp = entity.stringCmp = entity.ref = entity.isEntityCollection = entity.calculatedIndex = entity.fieldIndex = entity.entityCollection = void 0;
	const sorted_map_1 = requireSortedMap();
	function entityCollection() {
	    const entities = new Map();
	    const _indexes = {};
	    function add(x) {
	        entities.set(x.$id, x);
	        for (const index of Object.values(_indexes)) {
	            // FIXME: why can't we type this?
	            index.add(x);
	        }
	    }
	    return {
	        type: 'entities',
	        entities,
	        indexes: _indexes,
	        add,
	        dehydrate: () => ({
	            type: 'entities',
	            entities: Array.from(validatePlainObjects(entities).values()),
	        }),
	        hydrateFrom: (x) => {
	            entities.clear();
	            for (const e of Object.values(x.entities)) {
	                add(e);
	            }
	        },
	        index(indexes) {
	            // This limitation exists purely because I couldn't type it otherwise.
	            // Declaring a return type of `EntityCollection<A, I | II>` would make a lot
	            // of our other type inspection code stop working (the union is hard to pick
	            // apart). Since adding indexes in multiple goes is not really a use case,
	            // the simpler solution is just to type it as if we replaced all indexes
	            // and add a runtime check to make sure the types aren't lying.
	            if (Object.keys(_indexes).length > 0) {
	                throw new Error('You may only call .index() once on a new collection');
	            }
	            Object.assign(_indexes, indexes);
	            return this;
	        },
	    };
	}
	entity.entityCollection = entityCollection;
	/**
	 * An index that uses the value of an entity's field
	 */
	function fieldIndex(propName, comparator) {
	    return calculatedIndex((x) => x[propName], comparator);
	}
	entity.fieldIndex = fieldIndex;
	/**
	 * An index that is calculated based on a function applied to an entity
	 */
	function calculatedIndex(fn, comparator) {
	    const index = [];
	    return {
	        add: (x) => sorted_map_1.sortedMap.add(index, comparator, fn(x), x.$id),
	        lookups: {
	            equals: (value) => sorted_map_1.sortedMap.findAll(index, comparator, value),
	        },
	        index,
	    };
	}
	entity.calculatedIndex = calculatedIndex;
	function isEntityCollection(x) {
	    return typeof x === 'object' && !!x && x.type === 'entities';
	}
	entity.isEntityCollection = isEntityCollection;
	function validatePlainObjects(xs) {
	    for (const x of xs.values()) {
	        if (x.constructor !== Object) {
	            throw new Error(`Entities should be plain-text objects, got instance of ${x.constructor}`);
	        }
	    }
	    return xs;
	}
	function ref(x) {
	    return typeof x === 'string' ? { $ref: x } : { $ref: x.$id };
	}
	entity.ref = ref;
	/**
	 * Determines whether two strings are equivalent in the current or specified locale.
	 */
	function stringCmp(a, b) {
	    return a.localeCompare(b);
	}
	entity.stringCmp = stringCmp;
	/**
	 * Determines whether two numbers are equivalent.
	 */
	function numberCmp(a, b) {
	    return a - b;
	}
	entity.numberCmp = numberCmp;
	/**
	 * Creates a comparator to determine equivalent of two values, using a given comparator, but allows values to be optional.
	 *
	 * @param frontOrder If `true`, returns so that undefined values are ordered at the front. If `false`, undefined values are ordered at the back.
	 */
	function optionalCmp(cmp, frontOrder = true) {
	    return (a, b) => {
	        if (a == undefined && b != undefined) {
	            return frontOrder ? -1 : 1;
	        }
	        if (a != undefined && b == undefined) {
	            return frontOrder ? 1 : -1;
	        }
	        if (a == undefined && b == undefined) {
	            return 0;
	        }
	        return cmp(a, b);
	    };
	}
	entity.optionalCmp = optionalCmp;
	
	return entity;
}

var relationship = {};

var hasRequiredRelationship;

function requireRelationship () {
	if (hasRequiredRelationship) return relationship;
	hasRequiredRelationship = 1;
	Object.defineProperty(relationship, "__esModule", { value: true });
	relationship.isRelationshipCollection = relationship.relationshipCollection = relationship.NO_RELATIONSHIPS = void 0;
	const NO_RELATIONSHIPS = () => ({});
	relationship.NO_RELATIONSHIPS = NO_RELATIONSHIPS;
	function relationshipCollection(fromField, toField) {
	    const forward = new Map();
	    const backward = new Map();
	    function add(fromId, toId, attrs) {
	        let f = forward.get(fromId);
	        if (!f) {
	            f = [];
	            forward.set(fromId, f);
	        }
	        let b = backward.get(toId);
	        if (!b) {
	            b = [];
	            backward.set(toId, b);
	        }
	        // Behaves like a set, only add new relationship if it is structurally distinct
	        const forwardRel = { $id: toId, ...attrs };
	        const forwardRelStr = JSON.stringify(forwardRel);
	        const existingRelationship = f.find((x) => JSON.stringify(x) === forwardRelStr);
	        if (!existingRelationship) {
	            f.push(forwardRel);
	            b.push({ $id: fromId, ...attrs });
	        }
	    }
	    return {
	        type: 'rel',
	        fromColl: fromField,
	        toColl: toField,
	        forward,
	        backward,
	        add(from, to, attributes) {
	            add(from.$id, to.$id, attributes);
	        },
	        dehydrate() {
	            return {
	                type: 'rel',
	                forward: Object.fromEntries(forward.entries()),
	            };
	        },
	        hydrateFrom(x) {
	            forward.clear();
	            backward.clear();
	            for (const [fromId, targets] of Object.entries(x.forward)) {
	                for (const target of targets) {
	                    add(fromId, target.$id, removeId(target));
	                }
	            }
	        },
	    };
	}
	relationship.relationshipCollection = relationshipCollection;
	function isRelationshipCollection(x) {
	    return typeof x === 'object' && !!x && x.type === 'rel';
	}
	relationship.isRelationshipCollection = isRelationshipCollection;
	function removeId(x) {
	    const ret = { ...x };
	    delete ret.$id;
	    return ret;
	}
	
	return relationship;
}

var database$1 = {};

var hasRequiredDatabase$2;

function requireDatabase$2 () {
	if (hasRequiredDatabase$2) return database$1;
	hasRequiredDatabase$2 = 1;
	Object.defineProperty(database$1, "__esModule", { value: true });
	database$1.Database = void 0;
	const entity_1 = requireEntity();
	const relationship_1 = requireRelationship();
	class Database {
	    static entitiesOnly(entities) {
	        return new Database(entities, relationship_1.NO_RELATIONSHIPS);
	    }
	    constructor(entities, relationships) {
	        this.idCtr = 0;
	        this.schema = {
	            ...entities,
	            ...relationships({
	                relationship: (fromKey, toKey) => (0, relationship_1.relationshipCollection)((id) => this.get(fromKey, id), (id) => this.get(toKey, id)),
	            }),
	        };
	    }
	    id() {
	        return `${this.idCtr++}`;
	    }
	    /**
	     * Allocate an ID and store
	     */
	    allocate(key, entity) {
	        return this.store(key, this.e(entity));
	    }
	    /**
	     * Store with a preallocated ID
	     */
	    store(key, entity) {
	        const coll = this.schema[key];
	        coll.add(entity);
	        return entity;
	    }
	    /**
	     * Get an entity by key
	     */
	    get(key, id) {
	        const coll = this.schema[key];
	        const ret = coll.entities.get(typeof id === 'string' ? id : id.$ref);
	        if (!ret) {
	            throw new Error(`No such ${String(key)}: ${id}`);
	        }
	        return ret;
	    }
	    /**
	     * All entities of a given type
	     */
	    all(key) {
	        const coll = this.schema[key];
	        return Array.from(coll.entities.values());
	    }
	    /**
	     * Lookup an entity by index
	     */
	    lookup(key, index, lookup, value) {
	        const coll = this.schema[key];
	        const ids = coll.indexes[index].lookups[lookup](value);
	        return addOnlyMethod(ids.map((id) => coll.entities.get(id)), `${String(key)} with ${String(index)} ${String(lookup)} ${JSON.stringify(value)}`);
	    }
	    /**
	     * Allocate an ID and store if the entity does not yet exist
	     */
	    findOrAllocate(key, index, lookup, entity) {
	        const res = this.lookup(key, index, lookup, entity[index]);
	        if (res.length) {
	            return res.only();
	        }
	        return this.allocate(key, entity);
	    }
	    link(key, from, to, attributes) {
	        const col = this.schema[key];
	        col.add(from, to, attributes);
	    }
	    /**
	     * Follow a link
	     */
	    follow(key, from) {
	        const col = this.schema[key];
	        const toLinks = col.forward.get(from.$id) ?? [];
	        const ret = toLinks.map((i) => ({ entity: col.toColl(i.$id), ...removeId(i) }));
	        return addOnlyMethod(ret, `${String(key)} from ${from}`);
	    }
	    /**
	     * Follow incoming links backwards
	     */
	    incoming(key, to) {
	        const col = this.schema[key];
	        const fromIds = col.backward.get(to.$id) ?? [];
	        const ret = fromIds.map((i) => ({ entity: col.fromColl(i.$id), ...removeId(i) }));
	        return addOnlyMethod(ret, `${String(key)} to ${to}`);
	    }
	    e(entity) {
	        return {
	            $id: this.id(),
	            ...entity,
	        };
	    }
	    /**
	     * Turn the current database collection into something that can be stored.
	     */
	    save() {
	        return {
	            idCtr: this.idCtr,
	            schema: dehydrate(this.schema),
	        };
	        function dehydrate(x) {
	            if ((0, entity_1.isEntityCollection)(x)) {
	                return x.dehydrate();
	            }
	            if ((0, relationship_1.isRelationshipCollection)(x)) {
	                return x.dehydrate();
	            }
	            if (Array.isArray(x)) {
	                return x.map(dehydrate);
	            }
	            if (!!x && typeof x === 'object') {
	                return Object.fromEntries(Object.entries(x).map(([k, v]) => [k, dehydrate(v)]));
	            }
	            return x;
	        }
	    }
	    load(db) {
	        this.idCtr = db.idCtr;
	        hydrate(this.schema, db.schema);
	        function hydrate(proto, x) {
	            if ((0, entity_1.isEntityCollection)(proto)) {
	                proto.hydrateFrom(x);
	            }
	            if ((0, relationship_1.isRelationshipCollection)(proto)) {
	                proto.hydrateFrom(x);
	            }
	            if (Array.isArray(x)) {
	                x.forEach(hydrate);
	            }
	            if (!!proto && typeof proto === 'object' && !!x && typeof x === 'object') {
	                for (const [k, v] of Object.entries(proto)) {
	                    const dehydratedData = x[k];
	                    if (dehydratedData !== undefined) {
	                        // May be missing if this is from a database created from an old version of the schema
	                        hydrate(v, dehydratedData);
	                    }
	                }
	            }
	        }
	    }
	}
	database$1.Database = Database;
	function removeId(x) {
	    const ret = { ...x };
	    delete ret.$id;
	    return ret;
	}
	function addOnlyMethod(xs, description) {
	    return Object.defineProperties(xs, {
	        only: {
	            enumerable: false,
	            value: () => {
	                if (xs.length !== 1) {
	                    throw new Error(`Expected exactly 1 ${description}, found ${xs.length}`);
	                }
	                return xs[0];
	            },
	        },
	    });
	}
	
	return database$1;
}

var invariant = {};

var hasRequiredInvariant;

function requireInvariant () {
	if (hasRequiredInvariant) return invariant;
	hasRequiredInvariant = 1;
	Object.defineProperty(invariant, "__esModule", { value: true });
	invariant.impliesU = invariant.implies = invariant.evolutionInvariant = void 0;
	function evolutionInvariant(description, pred) {
	}
	invariant.evolutionInvariant = evolutionInvariant;
	function implies(x, y) {
	    return !x || y;
	}
	invariant.implies = implies;
	/**
	 * Implies, but treats 'undefined' as 'false'
	 */
	function impliesU(x, y) {
	    return !x || !!y;
	}
	invariant.impliesU = impliesU;
	
	return invariant;
}

var result = {};

var hasRequiredResult;

function requireResult () {
	if (hasRequiredResult) return result;
	hasRequiredResult = 1;
	Object.defineProperty(result, "__esModule", { value: true });
	result.liftUndefined = result.liftResult = result.locateFailure = result.chain = result.using = result.tryCatch = result.assertSuccess = result.errorFrom = result.errorMessage = result.unpackOr = result.unpack = result.isSuccess = result.isFailure = result.failure = void 0;
	// Ensures you must use `fail()` to construct an instance of type Failure
	const errorSym = Symbol('error');
	function mkLocate(prefix) {
	    const ret = (error) => failure(`${prefix}: ${error}`);
	    ret.in = (prefix2) => mkLocate(`${prefix}: ${prefix2}`);
	    ret.locate = locateFailure(prefix);
	    return ret;
	}
	function failure(error) {
	    return { [errorSym]: error };
	}
	result.failure = failure;
	failure.in = (prefix) => mkLocate(prefix);
	failure.locate = (x) => x;
	function isFailure(x) {
	    return !!x && typeof x === 'object' && x[errorSym];
	}
	result.isFailure = isFailure;
	function isSuccess(x) {
	    return !isFailure(x);
	}
	result.isSuccess = isSuccess;
	function unpack(x) {
	    if (isFailure(x)) {
	        throw new Error(`unpack: ${x[errorSym]}`);
	    }
	    return x;
	}
	result.unpack = unpack;
	function unpackOr(x, def) {
	    return (isFailure(x) ? def : x);
	}
	result.unpackOr = unpackOr;
	function errorMessage(x) {
	    return x[errorSym];
	}
	result.errorMessage = errorMessage;
	function errorFrom(x) {
	    return new Error(errorMessage(x));
	}
	result.errorFrom = errorFrom;
	function assertSuccess(x) {
	    if (isFailure(x)) {
	        throw errorFrom(x);
	    }
	}
	result.assertSuccess = assertSuccess;
	function tryCatch(failOrBlock, maybeBlock) {
	    const block = (maybeBlock ?? failOrBlock);
	    const f = (maybeBlock ? failOrBlock : failure);
	    try {
	        return block();
	    }
	    catch (e) {
	        return f(`Error: ${e.message}\n${e.stack}`);
	    }
	}
	result.tryCatch = tryCatch;
	function using(value, block) {
	    if (isFailure(value)) {
	        return value;
	    }
	    return block(value);
	}
	result.using = using;
	function chain(value, ...fns) {
	    for (const fn of fns) {
	        if (isFailure(value)) {
	            return value;
	        }
	        value = fn(value);
	    }
	    return value;
	}
	result.chain = chain;
	/* eslint-enable prettier/prettier */
	/**
	 * Make a function that will prepend a prefix to error messages
	 *
	 * This is one way to be specific about the location where errors originate, by prefixing
	 * errors as the call stack unwinds.
	 *
	 * A different method is to pass in a modified failure function using `failure.in(...)`,
	 * to build the error message as the call stack deepens.
	 */
	function locateFailure(prefix) {
	    return (x) => (isFailure(x) ? failure(`${prefix}: ${x[errorSym]}`) : x);
	}
	result.locateFailure = locateFailure;
	function liftResult(xs) {
	    const failures = Array.isArray(xs) ? xs.filter(isFailure) : Object.values(xs).filter(isFailure);
	    if (failures.length > 0) {
	        return failure(failures.map(errorMessage).join(', '));
	    }
	    return xs;
	}
	result.liftResult = liftResult;
	function liftUndefined(valueOrFunction) {
	    if (typeof valueOrFunction === 'function') {
	        return (...args) => {
	            const value = valueOrFunction(...args);
	            return value !== undefined ? value : failure('value is undefined');
	        };
	    }
	    return valueOrFunction !== undefined ? valueOrFunction : failure('value is undefined');
	}
	result.liftUndefined = liftUndefined;
	
	return result;
}

var hasRequiredLib$3;

function requireLib$3 () {
	if (hasRequiredLib$3) return lib$2;
	hasRequiredLib$3 = 1;
	(function (exports) {
		var __createBinding = (lib$2 && lib$2.__createBinding) || (Object.create ? (function(o, m, k, k2) {
		    if (k2 === undefined) k2 = k;
		    var desc = Object.getOwnPropertyDescriptor(m, k);
		    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
		      desc = { enumerable: true, get: function() { return m[k]; } };
		    }
		    Object.defineProperty(o, k2, desc);
		}) : (function(o, m, k, k2) {
		    if (k2 === undefined) k2 = k;
		    o[k2] = m[k];
		}));
		var __exportStar = (lib$2 && lib$2.__exportStar) || function(m, exports) {
		    for (var p in m) if (p !== "default" && !Object.prototype.hasOwnProperty.call(exports, p)) __createBinding(exports, m, p);
		};
		Object.defineProperty(exports, "__esModule", { value: true });
		__exportStar(requireEntity(), exports);
		__exportStar(requireRelationship(), exports);
		__exportStar(requireDatabase$2(), exports);
		__exportStar(requireInvariant(), exports);
		__exportStar(requireResult(), exports);
		
	} (lib$2));
	return lib$2;
}

var hasRequiredDatabase$1;

function requireDatabase$1 () {
	if (hasRequiredDatabase$1) return database$2;
	hasRequiredDatabase$1 = 1;
	Object.defineProperty(database$2, "__esModule", { value: true });
	database$2.RichSpecDatabase = void 0;
	database$2.emptyDatabase = emptyDatabase;
	database$2.loadDatabase = loadDatabase;
	const fs_1 = require$$0;
	const zlib_1 = require$$1;
	const tskb_1 = requireLib$3();
	function emptyDatabase() {
	    return new tskb_1.Database({
	        resource: (0, tskb_1.entityCollection)().index({
	            cloudFormationType: (0, tskb_1.fieldIndex)('cloudFormationType', tskb_1.stringCmp),
	        }),
	        region: (0, tskb_1.entityCollection)().index({
	            name: (0, tskb_1.fieldIndex)('name', tskb_1.stringCmp),
	        }),
	        service: (0, tskb_1.entityCollection)().index({
	            name: (0, tskb_1.fieldIndex)('name', tskb_1.stringCmp),
	            cloudFormationNamespace: (0, tskb_1.fieldIndex)('cloudFormationNamespace', tskb_1.stringCmp),
	        }),
	        eventTypeDefinition: (0, tskb_1.entityCollection)(),
	        typeDefinition: (0, tskb_1.entityCollection)(),
	        augmentations: (0, tskb_1.entityCollection)(),
	        metric: (0, tskb_1.entityCollection)().index({
	            name: (0, tskb_1.fieldIndex)('name', tskb_1.stringCmp),
	            namespace: (0, tskb_1.fieldIndex)('namespace', tskb_1.stringCmp),
	            dedupKey: (0, tskb_1.fieldIndex)('dedupKey', tskb_1.stringCmp),
	        }),
	        dimensionSet: (0, tskb_1.entityCollection)().index({
	            dedupKey: (0, tskb_1.fieldIndex)('dedupKey', tskb_1.stringCmp),
	        }),
	        event: (0, tskb_1.entityCollection)().index({
	            name: (0, tskb_1.fieldIndex)('name', tskb_1.stringCmp),
	        }),
	    }, (r) => ({
	        hasResource: r.relationship('service', 'resource'),
	        regionHasResource: r.relationship('region', 'resource'),
	        regionHasService: r.relationship('region', 'service'),
	        usesType: r.relationship('resource', 'typeDefinition'),
	        isAugmented: r.relationship('resource', 'augmentations'),
	        usesDimensionSet: r.relationship('metric', 'dimensionSet'),
	        resourceHasMetric: r.relationship('resource', 'metric'),
	        serviceHasMetric: r.relationship('service', 'metric'),
	        resourceHasDimensionSet: r.relationship('resource', 'dimensionSet'),
	        serviceHasDimensionSet: r.relationship('service', 'dimensionSet'),
	        resourceHasEvent: r.relationship('resource', 'event'),
	        serviceHasEvent: r.relationship('service', 'event'),
	        eventUsesType: r.relationship('event', 'eventTypeDefinition'),
	    }));
	}
	async function loadDatabase(pathToDb) {
	    const db = emptyDatabase();
	    const contents = await fs_1.promises.readFile(pathToDb);
	    const json = pathToDb.endsWith('.gz') ? (0, zlib_1.gunzipSync)(contents).toString('utf-8') : contents.toString('utf-8');
	    db.load(JSON.parse(json));
	    return db;
	}
	/**
	 * Helpers for working with a SpecDatabase
	 */
	class RichSpecDatabase {
	    constructor(db) {
	        this.db = db;
	    }
	    /**
	     * Find all resources of a given type
	     */
	    resourceByType(cfnType, operation = 'resourceByType') {
	        const res = this.db.lookup('resource', 'cloudFormationType', 'equals', cfnType);
	        if (res.length === 0) {
	            throw new Error(`${operation}: no such resource: ${cfnType}`);
	        }
	        return res[0];
	    }
	    /**
	     * All type definitions used by a certain resource
	     */
	    resourceTypeDefs(cfnType) {
	        const resource = this.db.lookup('resource', 'cloudFormationType', 'equals', cfnType).only();
	        return this.db.follow('usesType', resource).map((x) => x.entity);
	    }
	    /**
	     * Find a type definition from a given property type
	     */
	    tryFindDef(type) {
	        return type.type === 'ref' ? this.db.get('typeDefinition', type.reference.$ref) : undefined;
	    }
	}
	database$2.RichSpecDatabase = RichSpecDatabase;
	
	return database$2;
}

var resource$1 = {};

var sorting$1 = {};

var hasRequiredSorting$1;

function requireSorting$1 () {
	if (hasRequiredSorting$1) return sorting$1;
	hasRequiredSorting$1 = 1;
	Object.defineProperty(sorting$1, "__esModule", { value: true });
	sorting$1.sortKeyComparator = sortKeyComparator;
	/**
	 * Make a sorting comparator that will sort by a given sort key
	 */
	function sortKeyComparator(keyFn) {
	    return (a, b) => {
	        const ak = keyFn(a);
	        const bk = keyFn(b);
	        for (let i = 0; i < ak.length && i < bk.length; i++) {
	            const av = ak[i];
	            const bv = bk[i];
	            let diff = 0;
	            if (typeof av === 'number' && typeof bv === 'number') {
	                diff = av - bv;
	            }
	            else if (typeof av === 'string' && typeof bv === 'string') {
	                diff = av.localeCompare(bv);
	            }
	            if (diff !== 0) {
	                return diff;
	            }
	        }
	        return bk.length - ak.length;
	    };
	}
	
	return sorting$1;
}

var hasRequiredResource$1;

function requireResource$1 () {
	if (hasRequiredResource$1) return resource$1;
	hasRequiredResource$1 = 1;
	Object.defineProperty(resource$1, "__esModule", { value: true });
	resource$1.RichPropertyType = resource$1.PropertyScrutinyType = resource$1.ResourceScrutinyType = resource$1.Deprecation = resource$1.RichAttribute = resource$1.RichProperty = resource$1.RichTypedField = void 0;
	resource$1.isCollectionType = isCollectionType;
	const sorting_1 = requireSorting$1();
	class RichTypedField {
	    constructor(field) {
	        this.field = field;
	        if (field === undefined) {
	            throw new Error('Field is undefined');
	        }
	    }
	    types() {
	        return [...(this.field.previousTypes ?? []), this.field.type];
	    }
	    /**
	     * Update the type of this property with a new type
	     *
	     * Only if it's not in the set of types already.
	     *
	     * Returns true if the type was updated.
	     */
	    updateType(type) {
	        const richType = new RichPropertyType(type);
	        // Only add this type if we don't already have it. We are only doing comparisons where 'integer' and 'number'
	        // are treated the same, for all other types we need strict equality. We used to use 'assignableTo' as a
	        // condition, but these types will be rendered in both co- and contravariant positions, and so we really can't
	        // do much better than full equality.
	        if (this.types().some((t) => richType.equals(t))) {
	            // Nothing to do, type is already in there.
	            // But if the new type has allowedValues, merge them into the current type.
	            if ((type.type === 'string' || type.type === 'integer') && type.allowedValues) {
	                if (this.field.type.type === type.type) {
	                    this.field.type.allowedValues = type.allowedValues;
	                }
	            }
	            return false;
	        }
	        // Special case: if the new type is `string` and the old type is `date-time`, we assume this is
	        // the same type but we dropped some formatting information. No need to make this a separate type.
	        if (type.type === 'string' && this.types().some((t) => t.type === 'date-time')) {
	            return false;
	        }
	        // Special case: if the new type is `string` and the old type is `json`, we assume this is a correction
	        // of a bug; the old type was incorrectly typed as Json, and we're now correcting this. Since this was a
	        // bug, we don't need to keep the old type: it was never accurate.
	        //
	        // We could be more broad, and only maintain type history if we go from
	        // `json` -> `named type`, or `named type` -> `named type`.  For now I'm
	        // wary of destroying too much information; we'll just do the fix specifically
	        // for `json` -> `string`.
	        if (type.type === 'string' && this.field.type.type === 'json') {
	            this.field.type = type;
	            return true;
	        }
	        if (!this.field.previousTypes) {
	            this.field.previousTypes = [];
	        }
	        this.field.previousTypes.push(this.field.type);
	        this.field.type = type;
	        return true;
	    }
	}
	resource$1.RichTypedField = RichTypedField;
	class RichProperty extends RichTypedField {
	    constructor(property) {
	        super(property);
	    }
	}
	resource$1.RichProperty = RichProperty;
	class RichAttribute extends RichTypedField {
	    constructor(attr) {
	        super(attr);
	    }
	}
	resource$1.RichAttribute = RichAttribute;
	var Deprecation;
	(function (Deprecation) {
	    /**
	     * Not deprecated
	     */
	    Deprecation["NONE"] = "NONE";
	    /**
	     * Warn about use
	     */
	    Deprecation["WARN"] = "WARN";
	    /**
	     * Do not emit the value at all
	     *
	     * (Handle properties that were incorrectly added to the spec)
	     */
	    Deprecation["IGNORE"] = "IGNORE";
	})(Deprecation || (resource$1.Deprecation = Deprecation = {}));
	function isCollectionType(x) {
	    return x.type === 'array' || x.type === 'map';
	}
	/**
	 * Mark a resource as a resource that needs additional scrutiy when added, removed or changed
	 *
	 * Used to mark resources that represent security policies.
	 */
	var ResourceScrutinyType;
	(function (ResourceScrutinyType) {
	    /**
	     * No additional scrutiny
	     */
	    ResourceScrutinyType["None"] = "None";
	    /**
	     * An externally attached policy document to a resource
	     *
	     * (Common for SQS, SNS, S3, ...)
	     */
	    ResourceScrutinyType["ResourcePolicyResource"] = "ResourcePolicyResource";
	    /**
	     * This is an IAM policy on an identity resource
	     *
	     * (Basically saying: this is AWS::IAM::Policy)
	     */
	    ResourceScrutinyType["IdentityPolicyResource"] = "IdentityPolicyResource";
	    /**
	     * This is a Lambda Permission policy
	     */
	    ResourceScrutinyType["LambdaPermission"] = "LambdaPermission";
	    /**
	     * An ingress rule object
	     */
	    ResourceScrutinyType["IngressRuleResource"] = "IngressRuleResource";
	    /**
	     * A set of egress rules
	     */
	    ResourceScrutinyType["EgressRuleResource"] = "EgressRuleResource";
	    /**
	     * AWS::SSO::Assignment
	     *
	     * IAM Identity Center (formerly known as SSO)
	     */
	    ResourceScrutinyType["SsoAssignmentResource"] = "SsoAssignmentResource";
	    /**
	     * AWS::SSO::InstanceAccessControlAttributeConfiguration
	     *
	     * IAM Identity Center (formerly known as SSO)
	     */
	    ResourceScrutinyType["SsoInstanceACAConfigResource"] = "SsoInstanceACAConfigResource";
	    /**
	     * AWS::SSO::PermissionSet
	     *
	     * IAM Identity Center (formerly known as SSO)
	     */
	    ResourceScrutinyType["SsoPermissionSet"] = "SsoPermissionSet";
	})(ResourceScrutinyType || (resource$1.ResourceScrutinyType = ResourceScrutinyType = {}));
	/**
	 * Mark a property as a property that needs additional scrutiny when it changes
	 *
	 * Used to mark sensitive properties that have security-related implications.
	 */
	var PropertyScrutinyType;
	(function (PropertyScrutinyType) {
	    /**
	     * No additional scrutiny
	     */
	    PropertyScrutinyType["None"] = "None";
	    /**
	     * This is an IAM policy directly on a resource
	     */
	    PropertyScrutinyType["InlineResourcePolicy"] = "InlineResourcePolicy";
	    /**
	     * Either an AssumeRolePolicyDocument or a dictionary of policy documents
	     */
	    PropertyScrutinyType["InlineIdentityPolicies"] = "InlineIdentityPolicies";
	    /**
	     * A list of managed policies (on an identity resource)
	     */
	    PropertyScrutinyType["ManagedPolicies"] = "ManagedPolicies";
	    /**
	     * A set of ingress rules (on a security group)
	     */
	    PropertyScrutinyType["IngressRules"] = "IngressRules";
	    /**
	     * A set of egress rules (on a security group)
	     */
	    PropertyScrutinyType["EgressRules"] = "EgressRules";
	})(PropertyScrutinyType || (resource$1.PropertyScrutinyType = PropertyScrutinyType = {}));
	class RichPropertyType {
	    constructor(type) {
	        this.type = type;
	    }
	    equals(rhs) {
	        switch (this.type.type) {
	            case 'integer':
	            case 'boolean':
	            case 'date-time':
	            case 'json':
	            case 'null':
	            case 'number':
	            case 'string':
	            case 'tag':
	                return rhs.type === this.type.type;
	            case 'array':
	            case 'map':
	                return rhs.type === this.type.type && new RichPropertyType(this.type.element).equals(rhs.element);
	            case 'ref':
	                return rhs.type === 'ref' && this.type.reference.$ref === rhs.reference.$ref;
	            case 'union':
	                const lhsKey = this.sortKey();
	                const rhsKey = new RichPropertyType(rhs).sortKey();
	                return lhsKey.length === rhsKey.length && lhsKey.every((l, i) => l === rhsKey[i]);
	        }
	    }
	    /**
	     * Whether the current type is JavaScript-equal to the RHS type
	     *
	     * Same as normal equality, but consider `integer` and `number` the same types.
	     */
	    javascriptEquals(rhs) {
	        switch (this.type.type) {
	            case 'number':
	            case 'integer':
	                // Widening
	                return rhs.type === 'integer' || rhs.type === 'number';
	            case 'array':
	            case 'map':
	                return rhs.type === this.type.type && new RichPropertyType(this.type.element).javascriptEquals(rhs.element);
	            case 'union':
	                if (rhs.type !== 'union') {
	                    return false;
	                }
	                // Every type in this union needs to be equal one type in RHS
	                return this.type.types.every((t1) => rhs.types.some((t2) => new RichPropertyType(t1).javascriptEquals(t2)));
	            default:
	                // For anything else, need strict equality
	                return this.equals(rhs);
	        }
	    }
	    /**
	     * Whether the current type is assignable to the RHS type.
	     *
	     * This is means every type member of the LHS must be present in the RHS type
	     */
	    assignableTo(rhs) {
	        const extractMembers = (type) => (type.type == 'union' ? type.types : [type]);
	        const asRichType = (type) => new RichPropertyType(type);
	        const rhsMembers = extractMembers(rhs);
	        for (const lhsMember of extractMembers(this.type).map(asRichType)) {
	            if (!rhsMembers.some((type) => lhsMember.equals(type))) {
	                return false;
	            }
	        }
	        return true;
	    }
	    /**
	     * Return a version of this type, but with all type unions in a regularized order
	     */
	    normalize(db) {
	        switch (this.type.type) {
	            case 'array':
	            case 'map':
	                return new RichPropertyType({
	                    type: this.type.type,
	                    element: new RichPropertyType(this.type.element).normalize(db).type,
	                });
	            case 'union':
	                const types = this.type.types
	                    .map((t) => new RichPropertyType(t).normalize(db))
	                    .map((t) => [t, t.sortKey(db)]);
	                types.sort((0, sorting_1.sortKeyComparator)(([_, sortKey]) => sortKey));
	                return new RichPropertyType({
	                    type: 'union',
	                    types: types.map(([t, _]) => t.type),
	                });
	            default:
	                return this;
	        }
	    }
	    stringify(db, withId = true) {
	        switch (this.type.type) {
	            case 'string':
	                return this.type.allowedValues ? `string<${this.type.allowedValues.join('|')}>` : 'string';
	            case 'integer':
	                return this.type.allowedValues ? `integer<${this.type.allowedValues.join('|')}>` : 'integer';
	            case 'boolean':
	            case 'date-time':
	            case 'json':
	            case 'null':
	            case 'number':
	            case 'tag':
	                return this.type.type;
	            case 'array':
	                return `Array<${new RichPropertyType(this.type.element).stringify(db, withId)}>`;
	            case 'map':
	                return `Map<string, ${new RichPropertyType(this.type.element).stringify(db, withId)}>`;
	            case 'ref':
	                const type = db.get('typeDefinition', this.type.reference);
	                return withId ? `${type.name}(${this.type.reference.$ref})` : type.name;
	            case 'union':
	                return this.type.types.map((t) => new RichPropertyType(t).stringify(db, withId)).join(' | ');
	        }
	    }
	    /**
	     * Return a sortable key based on this type
	     *
	     * If a database is given, type definitions will be sorted based on type name,
	     * otherwise on identifier
	     */
	    sortKey(db) {
	        switch (this.type.type) {
	            case 'integer':
	            case 'boolean':
	            case 'date-time':
	            case 'json':
	            case 'null':
	            case 'number':
	            case 'string':
	            case 'tag':
	                return ['0', this.type.type];
	            case 'array':
	            case 'map':
	                return ['1', this.type.type, ...new RichPropertyType(this.type.element).sortKey(db)];
	            case 'ref':
	                return ['2', this.type.type, db?.get('typeDefinition', this.type.reference)?.name ?? this.type.reference.$ref];
	            case 'union':
	                const typeKeys = this.type.types.map((t) => new RichPropertyType(t).sortKey(db));
	                typeKeys.sort((0, sorting_1.sortKeyComparator)((x) => x));
	                return ['3', this.type.type, ...typeKeys.flatMap((x) => x)];
	        }
	    }
	}
	resource$1.RichPropertyType = RichPropertyType;
	
	return resource$1;
}

var augmentations$1 = {};

var hasRequiredAugmentations$1;

function requireAugmentations$1 () {
	if (hasRequiredAugmentations$1) return augmentations$1;
	hasRequiredAugmentations$1 = 1;
	Object.defineProperty(augmentations$1, "__esModule", { value: true });
	
	return augmentations$1;
}

var event$1 = {};

var hasRequiredEvent$1;

function requireEvent$1 () {
	if (hasRequiredEvent$1) return event$1;
	hasRequiredEvent$1 = 1;
	Object.defineProperty(event$1, "__esModule", { value: true });
	
	return event$1;
}

var metrics$1 = {};

var hasRequiredMetrics$1;

function requireMetrics$1 () {
	if (hasRequiredMetrics$1) return metrics$1;
	hasRequiredMetrics$1 = 1;
	Object.defineProperty(metrics$1, "__esModule", { value: true });
	
	return metrics$1;
}

var diff$1 = {};

var hasRequiredDiff$2;

function requireDiff$2 () {
	if (hasRequiredDiff$2) return diff$1;
	hasRequiredDiff$2 = 1;
	Object.defineProperty(diff$1, "__esModule", { value: true });
	
	return diff$1;
}

var common$1 = {};

var hasRequiredCommon$1;

function requireCommon$1 () {
	if (hasRequiredCommon$1) return common$1;
	hasRequiredCommon$1 = 1;
	Object.defineProperty(common$1, "__esModule", { value: true });
	
	return common$1;
}

var hasRequiredLib$2;

function requireLib$2 () {
	if (hasRequiredLib$2) return lib$3;
	hasRequiredLib$2 = 1;
	(function (exports) {
		var __createBinding = (lib$3 && lib$3.__createBinding) || (Object.create ? (function(o, m, k, k2) {
		    if (k2 === undefined) k2 = k;
		    var desc = Object.getOwnPropertyDescriptor(m, k);
		    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
		      desc = { enumerable: true, get: function() { return m[k]; } };
		    }
		    Object.defineProperty(o, k2, desc);
		}) : (function(o, m, k, k2) {
		    if (k2 === undefined) k2 = k;
		    o[k2] = m[k];
		}));
		var __exportStar = (lib$3 && lib$3.__exportStar) || function(m, exports) {
		    for (var p in m) if (p !== "default" && !Object.prototype.hasOwnProperty.call(exports, p)) __createBinding(exports, m, p);
		};
		Object.defineProperty(exports, "__esModule", { value: true });
		__exportStar(requireDatabase$1(), exports);
		__exportStar(requireResource$1(), exports);
		__exportStar(requireAugmentations$1(), exports);
		__exportStar(requireEvent$1(), exports);
		__exportStar(requireMetrics$1(), exports);
		__exportStar(requireDiff$2(), exports);
		__exportStar(requireCommon$1(), exports);
		
	} (lib$3));
	return lib$3;
}

var util$2 = {};

var lib$1 = {};

var lib = {};

var database = {};

var hasRequiredDatabase;

function requireDatabase () {
	if (hasRequiredDatabase) return database;
	hasRequiredDatabase = 1;
	Object.defineProperty(database, "__esModule", { value: true });
	database.RichSpecDatabase = void 0;
	database.emptyDatabase = emptyDatabase;
	database.loadDatabase = loadDatabase;
	const fs_1 = require$$0;
	const zlib_1 = require$$1;
	const tskb_1 = requireLib$3();
	function emptyDatabase() {
	    return new tskb_1.Database({
	        resource: (0, tskb_1.entityCollection)().index({
	            cloudFormationType: (0, tskb_1.fieldIndex)('cloudFormationType', tskb_1.stringCmp),
	        }),
	        region: (0, tskb_1.entityCollection)().index({
	            name: (0, tskb_1.fieldIndex)('name', tskb_1.stringCmp),
	        }),
	        service: (0, tskb_1.entityCollection)().index({
	            name: (0, tskb_1.fieldIndex)('name', tskb_1.stringCmp),
	            cloudFormationNamespace: (0, tskb_1.fieldIndex)('cloudFormationNamespace', tskb_1.stringCmp),
	        }),
	        eventTypeDefinition: (0, tskb_1.entityCollection)(),
	        typeDefinition: (0, tskb_1.entityCollection)(),
	        augmentations: (0, tskb_1.entityCollection)(),
	        metric: (0, tskb_1.entityCollection)().index({
	            name: (0, tskb_1.fieldIndex)('name', tskb_1.stringCmp),
	            namespace: (0, tskb_1.fieldIndex)('namespace', tskb_1.stringCmp),
	            dedupKey: (0, tskb_1.fieldIndex)('dedupKey', tskb_1.stringCmp),
	        }),
	        dimensionSet: (0, tskb_1.entityCollection)().index({
	            dedupKey: (0, tskb_1.fieldIndex)('dedupKey', tskb_1.stringCmp),
	        }),
	        event: (0, tskb_1.entityCollection)().index({
	            name: (0, tskb_1.fieldIndex)('name', tskb_1.stringCmp),
	        }),
	    }, (r) => ({
	        hasResource: r.relationship('service', 'resource'),
	        regionHasResource: r.relationship('region', 'resource'),
	        regionHasService: r.relationship('region', 'service'),
	        usesType: r.relationship('resource', 'typeDefinition'),
	        isAugmented: r.relationship('resource', 'augmentations'),
	        usesDimensionSet: r.relationship('metric', 'dimensionSet'),
	        resourceHasMetric: r.relationship('resource', 'metric'),
	        serviceHasMetric: r.relationship('service', 'metric'),
	        resourceHasDimensionSet: r.relationship('resource', 'dimensionSet'),
	        serviceHasDimensionSet: r.relationship('service', 'dimensionSet'),
	        resourceHasEvent: r.relationship('resource', 'event'),
	        serviceHasEvent: r.relationship('service', 'event'),
	        eventUsesType: r.relationship('event', 'eventTypeDefinition'),
	    }));
	}
	async function loadDatabase(pathToDb) {
	    const db = emptyDatabase();
	    const contents = await fs_1.promises.readFile(pathToDb);
	    const json = pathToDb.endsWith('.gz') ? (0, zlib_1.gunzipSync)(contents).toString('utf-8') : contents.toString('utf-8');
	    db.load(JSON.parse(json));
	    return db;
	}
	/**
	 * Helpers for working with a SpecDatabase
	 */
	class RichSpecDatabase {
	    constructor(db) {
	        this.db = db;
	    }
	    /**
	     * Find all resources of a given type
	     */
	    resourceByType(cfnType, operation = 'resourceByType') {
	        const res = this.db.lookup('resource', 'cloudFormationType', 'equals', cfnType);
	        if (res.length === 0) {
	            throw new Error(`${operation}: no such resource: ${cfnType}`);
	        }
	        return res[0];
	    }
	    /**
	     * All type definitions used by a certain resource
	     */
	    resourceTypeDefs(cfnType) {
	        const resource = this.db.lookup('resource', 'cloudFormationType', 'equals', cfnType).only();
	        return this.db.follow('usesType', resource).map((x) => x.entity);
	    }
	    /**
	     * Find a type definition from a given property type
	     */
	    tryFindDef(type) {
	        return type.type === 'ref' ? this.db.get('typeDefinition', type.reference.$ref) : undefined;
	    }
	}
	database.RichSpecDatabase = RichSpecDatabase;
	
	return database;
}

var resource = {};

var sorting = {};

var hasRequiredSorting;

function requireSorting () {
	if (hasRequiredSorting) return sorting;
	hasRequiredSorting = 1;
	Object.defineProperty(sorting, "__esModule", { value: true });
	sorting.sortKeyComparator = sortKeyComparator;
	/**
	 * Make a sorting comparator that will sort by a given sort key
	 */
	function sortKeyComparator(keyFn) {
	    return (a, b) => {
	        const ak = keyFn(a);
	        const bk = keyFn(b);
	        for (let i = 0; i < ak.length && i < bk.length; i++) {
	            const av = ak[i];
	            const bv = bk[i];
	            let diff = 0;
	            if (typeof av === 'number' && typeof bv === 'number') {
	                diff = av - bv;
	            }
	            else if (typeof av === 'string' && typeof bv === 'string') {
	                diff = av.localeCompare(bv);
	            }
	            if (diff !== 0) {
	                return diff;
	            }
	        }
	        return bk.length - ak.length;
	    };
	}
	
	return sorting;
}

var hasRequiredResource;

function requireResource () {
	if (hasRequiredResource) return resource;
	hasRequiredResource = 1;
	Object.defineProperty(resource, "__esModule", { value: true });
	resource.RichPropertyType = resource.PropertyScrutinyType = resource.ResourceScrutinyType = resource.Deprecation = resource.RichAttribute = resource.RichProperty = resource.RichTypedField = void 0;
	resource.isCollectionType = isCollectionType;
	const sorting_1 = requireSorting();
	class RichTypedField {
	    constructor(field) {
	        this.field = field;
	        if (field === undefined) {
	            throw new Error('Field is undefined');
	        }
	    }
	    types() {
	        return [...(this.field.previousTypes ?? []), this.field.type];
	    }
	    /**
	     * Update the type of this property with a new type
	     *
	     * Only if it's not in the set of types already.
	     *
	     * Returns true if the type was updated.
	     */
	    updateType(type) {
	        const richType = new RichPropertyType(type);
	        // Only add this type if we don't already have it. We are only doing comparisons where 'integer' and 'number'
	        // are treated the same, for all other types we need strict equality. We used to use 'assignableTo' as a
	        // condition, but these types will be rendered in both co- and contravariant positions, and so we really can't
	        // do much better than full equality.
	        if (this.types().some((t) => richType.equals(t))) {
	            // Nothing to do, type is already in there.
	            // But if the new type has allowedValues, merge them into the current type.
	            if ((type.type === 'string' || type.type === 'integer') && type.allowedValues) {
	                if (this.field.type.type === type.type) {
	                    this.field.type.allowedValues = type.allowedValues;
	                }
	            }
	            return false;
	        }
	        // Special case: if the new type is `string` and the old type is `date-time`, we assume this is
	        // the same type but we dropped some formatting information. No need to make this a separate type.
	        if (type.type === 'string' && this.types().some((t) => t.type === 'date-time')) {
	            return false;
	        }
	        // Special case: if the new type is `string` and the old type is `json`, we assume this is a correction
	        // of a bug; the old type was incorrectly typed as Json, and we're now correcting this. Since this was a
	        // bug, we don't need to keep the old type: it was never accurate.
	        //
	        // We could be more broad, and only maintain type history if we go from
	        // `json` -> `named type`, or `named type` -> `named type`.  For now I'm
	        // wary of destroying too much information; we'll just do the fix specifically
	        // for `json` -> `string`.
	        if (type.type === 'string' && this.field.type.type === 'json') {
	            this.field.type = type;
	            return true;
	        }
	        if (!this.field.previousTypes) {
	            this.field.previousTypes = [];
	        }
	        this.field.previousTypes.push(this.field.type);
	        this.field.type = type;
	        return true;
	    }
	}
	resource.RichTypedField = RichTypedField;
	class RichProperty extends RichTypedField {
	    constructor(property) {
	        super(property);
	    }
	}
	resource.RichProperty = RichProperty;
	class RichAttribute extends RichTypedField {
	    constructor(attr) {
	        super(attr);
	    }
	}
	resource.RichAttribute = RichAttribute;
	var Deprecation;
	(function (Deprecation) {
	    /**
	     * Not deprecated
	     */
	    Deprecation["NONE"] = "NONE";
	    /**
	     * Warn about use
	     */
	    Deprecation["WARN"] = "WARN";
	    /**
	     * Do not emit the value at all
	     *
	     * (Handle properties that were incorrectly added to the spec)
	     */
	    Deprecation["IGNORE"] = "IGNORE";
	})(Deprecation || (resource.Deprecation = Deprecation = {}));
	function isCollectionType(x) {
	    return x.type === 'array' || x.type === 'map';
	}
	/**
	 * Mark a resource as a resource that needs additional scrutiy when added, removed or changed
	 *
	 * Used to mark resources that represent security policies.
	 */
	var ResourceScrutinyType;
	(function (ResourceScrutinyType) {
	    /**
	     * No additional scrutiny
	     */
	    ResourceScrutinyType["None"] = "None";
	    /**
	     * An externally attached policy document to a resource
	     *
	     * (Common for SQS, SNS, S3, ...)
	     */
	    ResourceScrutinyType["ResourcePolicyResource"] = "ResourcePolicyResource";
	    /**
	     * This is an IAM policy on an identity resource
	     *
	     * (Basically saying: this is AWS::IAM::Policy)
	     */
	    ResourceScrutinyType["IdentityPolicyResource"] = "IdentityPolicyResource";
	    /**
	     * This is a Lambda Permission policy
	     */
	    ResourceScrutinyType["LambdaPermission"] = "LambdaPermission";
	    /**
	     * An ingress rule object
	     */
	    ResourceScrutinyType["IngressRuleResource"] = "IngressRuleResource";
	    /**
	     * A set of egress rules
	     */
	    ResourceScrutinyType["EgressRuleResource"] = "EgressRuleResource";
	    /**
	     * AWS::SSO::Assignment
	     *
	     * IAM Identity Center (formerly known as SSO)
	     */
	    ResourceScrutinyType["SsoAssignmentResource"] = "SsoAssignmentResource";
	    /**
	     * AWS::SSO::InstanceAccessControlAttributeConfiguration
	     *
	     * IAM Identity Center (formerly known as SSO)
	     */
	    ResourceScrutinyType["SsoInstanceACAConfigResource"] = "SsoInstanceACAConfigResource";
	    /**
	     * AWS::SSO::PermissionSet
	     *
	     * IAM Identity Center (formerly known as SSO)
	     */
	    ResourceScrutinyType["SsoPermissionSet"] = "SsoPermissionSet";
	})(ResourceScrutinyType || (resource.ResourceScrutinyType = ResourceScrutinyType = {}));
	/**
	 * Mark a property as a property that needs additional scrutiny when it changes
	 *
	 * Used to mark sensitive properties that have security-related implications.
	 */
	var PropertyScrutinyType;
	(function (PropertyScrutinyType) {
	    /**
	     * No additional scrutiny
	     */
	    PropertyScrutinyType["None"] = "None";
	    /**
	     * This is an IAM policy directly on a resource
	     */
	    PropertyScrutinyType["InlineResourcePolicy"] = "InlineResourcePolicy";
	    /**
	     * Either an AssumeRolePolicyDocument or a dictionary of policy documents
	     */
	    PropertyScrutinyType["InlineIdentityPolicies"] = "InlineIdentityPolicies";
	    /**
	     * A list of managed policies (on an identity resource)
	     */
	    PropertyScrutinyType["ManagedPolicies"] = "ManagedPolicies";
	    /**
	     * A set of ingress rules (on a security group)
	     */
	    PropertyScrutinyType["IngressRules"] = "IngressRules";
	    /**
	     * A set of egress rules (on a security group)
	     */
	    PropertyScrutinyType["EgressRules"] = "EgressRules";
	})(PropertyScrutinyType || (resource.PropertyScrutinyType = PropertyScrutinyType = {}));
	class RichPropertyType {
	    constructor(type) {
	        this.type = type;
	    }
	    equals(rhs) {
	        switch (this.type.type) {
	            case 'integer':
	            case 'boolean':
	            case 'date-time':
	            case 'json':
	            case 'null':
	            case 'number':
	            case 'string':
	            case 'tag':
	                return rhs.type === this.type.type;
	            case 'array':
	            case 'map':
	                return rhs.type === this.type.type && new RichPropertyType(this.type.element).equals(rhs.element);
	            case 'ref':
	                return rhs.type === 'ref' && this.type.reference.$ref === rhs.reference.$ref;
	            case 'union':
	                const lhsKey = this.sortKey();
	                const rhsKey = new RichPropertyType(rhs).sortKey();
	                return lhsKey.length === rhsKey.length && lhsKey.every((l, i) => l === rhsKey[i]);
	        }
	    }
	    /**
	     * Whether the current type is JavaScript-equal to the RHS type
	     *
	     * Same as normal equality, but consider `integer` and `number` the same types.
	     */
	    javascriptEquals(rhs) {
	        switch (this.type.type) {
	            case 'number':
	            case 'integer':
	                // Widening
	                return rhs.type === 'integer' || rhs.type === 'number';
	            case 'array':
	            case 'map':
	                return rhs.type === this.type.type && new RichPropertyType(this.type.element).javascriptEquals(rhs.element);
	            case 'union':
	                if (rhs.type !== 'union') {
	                    return false;
	                }
	                // Every type in this union needs to be equal one type in RHS
	                return this.type.types.every((t1) => rhs.types.some((t2) => new RichPropertyType(t1).javascriptEquals(t2)));
	            default:
	                // For anything else, need strict equality
	                return this.equals(rhs);
	        }
	    }
	    /**
	     * Whether the current type is assignable to the RHS type.
	     *
	     * This is means every type member of the LHS must be present in the RHS type
	     */
	    assignableTo(rhs) {
	        const extractMembers = (type) => (type.type == 'union' ? type.types : [type]);
	        const asRichType = (type) => new RichPropertyType(type);
	        const rhsMembers = extractMembers(rhs);
	        for (const lhsMember of extractMembers(this.type).map(asRichType)) {
	            if (!rhsMembers.some((type) => lhsMember.equals(type))) {
	                return false;
	            }
	        }
	        return true;
	    }
	    /**
	     * Return a version of this type, but with all type unions in a regularized order
	     */
	    normalize(db) {
	        switch (this.type.type) {
	            case 'array':
	            case 'map':
	                return new RichPropertyType({
	                    type: this.type.type,
	                    element: new RichPropertyType(this.type.element).normalize(db).type,
	                });
	            case 'union':
	                const types = this.type.types
	                    .map((t) => new RichPropertyType(t).normalize(db))
	                    .map((t) => [t, t.sortKey(db)]);
	                types.sort((0, sorting_1.sortKeyComparator)(([_, sortKey]) => sortKey));
	                return new RichPropertyType({
	                    type: 'union',
	                    types: types.map(([t, _]) => t.type),
	                });
	            default:
	                return this;
	        }
	    }
	    stringify(db, withId = true) {
	        switch (this.type.type) {
	            case 'string':
	                return this.type.allowedValues ? `string<${this.type.allowedValues.join('|')}>` : 'string';
	            case 'integer':
	                return this.type.allowedValues ? `integer<${this.type.allowedValues.join('|')}>` : 'integer';
	            case 'boolean':
	            case 'date-time':
	            case 'json':
	            case 'null':
	            case 'number':
	            case 'tag':
	                return this.type.type;
	            case 'array':
	                return `Array<${new RichPropertyType(this.type.element).stringify(db, withId)}>`;
	            case 'map':
	                return `Map<string, ${new RichPropertyType(this.type.element).stringify(db, withId)}>`;
	            case 'ref':
	                const type = db.get('typeDefinition', this.type.reference);
	                return withId ? `${type.name}(${this.type.reference.$ref})` : type.name;
	            case 'union':
	                return this.type.types.map((t) => new RichPropertyType(t).stringify(db, withId)).join(' | ');
	        }
	    }
	    /**
	     * Return a sortable key based on this type
	     *
	     * If a database is given, type definitions will be sorted based on type name,
	     * otherwise on identifier
	     */
	    sortKey(db) {
	        switch (this.type.type) {
	            case 'integer':
	            case 'boolean':
	            case 'date-time':
	            case 'json':
	            case 'null':
	            case 'number':
	            case 'string':
	            case 'tag':
	                return ['0', this.type.type];
	            case 'array':
	            case 'map':
	                return ['1', this.type.type, ...new RichPropertyType(this.type.element).sortKey(db)];
	            case 'ref':
	                return ['2', this.type.type, db?.get('typeDefinition', this.type.reference)?.name ?? this.type.reference.$ref];
	            case 'union':
	                const typeKeys = this.type.types.map((t) => new RichPropertyType(t).sortKey(db));
	                typeKeys.sort((0, sorting_1.sortKeyComparator)((x) => x));
	                return ['3', this.type.type, ...typeKeys.flatMap((x) => x)];
	        }
	    }
	}
	resource.RichPropertyType = RichPropertyType;
	
	return resource;
}

var augmentations = {};

var hasRequiredAugmentations;

function requireAugmentations () {
	if (hasRequiredAugmentations) return augmentations;
	hasRequiredAugmentations = 1;
	Object.defineProperty(augmentations, "__esModule", { value: true });
	
	return augmentations;
}

var event = {};

var hasRequiredEvent;

function requireEvent () {
	if (hasRequiredEvent) return event;
	hasRequiredEvent = 1;
	Object.defineProperty(event, "__esModule", { value: true });
	
	return event;
}

var metrics = {};

var hasRequiredMetrics;

function requireMetrics () {
	if (hasRequiredMetrics) return metrics;
	hasRequiredMetrics = 1;
	Object.defineProperty(metrics, "__esModule", { value: true });
	
	return metrics;
}

var diff = {};

var hasRequiredDiff$1;

function requireDiff$1 () {
	if (hasRequiredDiff$1) return diff;
	hasRequiredDiff$1 = 1;
	Object.defineProperty(diff, "__esModule", { value: true });
	
	return diff;
}

var common = {};

var hasRequiredCommon;

function requireCommon () {
	if (hasRequiredCommon) return common;
	hasRequiredCommon = 1;
	Object.defineProperty(common, "__esModule", { value: true });
	
	return common;
}

var hasRequiredLib$1;

function requireLib$1 () {
	if (hasRequiredLib$1) return lib;
	hasRequiredLib$1 = 1;
	(function (exports) {
		var __createBinding = (lib && lib.__createBinding) || (Object.create ? (function(o, m, k, k2) {
		    if (k2 === undefined) k2 = k;
		    var desc = Object.getOwnPropertyDescriptor(m, k);
		    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
		      desc = { enumerable: true, get: function() { return m[k]; } };
		    }
		    Object.defineProperty(o, k2, desc);
		}) : (function(o, m, k, k2) {
		    if (k2 === undefined) k2 = k;
		    o[k2] = m[k];
		}));
		var __exportStar = (lib && lib.__exportStar) || function(m, exports) {
		    for (var p in m) if (p !== "default" && !Object.prototype.hasOwnProperty.call(exports, p)) __createBinding(exports, m, p);
		};
		Object.defineProperty(exports, "__esModule", { value: true });
		__exportStar(requireDatabase(), exports);
		__exportStar(requireResource(), exports);
		__exportStar(requireAugmentations(), exports);
		__exportStar(requireEvent(), exports);
		__exportStar(requireMetrics(), exports);
		__exportStar(requireDiff$1(), exports);
		__exportStar(requireCommon(), exports);
		
	} (lib));
	return lib;
}

var hasRequiredLib;

function requireLib () {
	if (hasRequiredLib) return lib$1;
	hasRequiredLib = 1;
	var __createBinding = (lib$1 && lib$1.__createBinding) || (Object.create ? (function(o, m, k, k2) {
	    if (k2 === undefined) k2 = k;
	    var desc = Object.getOwnPropertyDescriptor(m, k);
	    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
	      desc = { enumerable: true, get: function() { return m[k]; } };
	    }
	    Object.defineProperty(o, k2, desc);
	}) : (function(o, m, k, k2) {
	    if (k2 === undefined) k2 = k;
	    o[k2] = m[k];
	}));
	var __setModuleDefault = (lib$1 && lib$1.__setModuleDefault) || (Object.create ? (function(o, v) {
	    Object.defineProperty(o, "default", { enumerable: true, value: v });
	}) : function(o, v) {
	    o["default"] = v;
	});
	var __importStar = (lib$1 && lib$1.__importStar) || (function () {
	    var ownKeys = function(o) {
	        ownKeys = Object.getOwnPropertyNames || function (o) {
	            var ar = [];
	            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
	            return ar;
	        };
	        return ownKeys(o);
	    };
	    return function (mod) {
	        if (mod && mod.__esModule) return mod;
	        var result = {};
	        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
	        __setModuleDefault(result, mod);
	        return result;
	    };
	})();
	Object.defineProperty(lib$1, "__esModule", { value: true });
	lib$1.loadAwsServiceSpec = loadAwsServiceSpec;
	lib$1.loadAwsServiceSpecSync = loadAwsServiceSpecSync;
	const node_fs_1 = require$$0$1;
	__importStar(require$$1$1);
	const node_zlib_1 = require$$2;
	const service_spec_types_1 = requireLib$1();
	const DB_PATH = require$$4.fileURLToPath(new URL('db.json.gz', import.meta.url));
	/**
	 * Load the provided built-in database
	 */
	async function loadAwsServiceSpec() {
	    return loadBufferIntoDatabase(await node_fs_1.promises.readFile(DB_PATH));
	}
	/**
	 * Synchronously load the provided built-in database
	 */
	function loadAwsServiceSpecSync() {
	    return loadBufferIntoDatabase((0, node_fs_1.readFileSync)(DB_PATH));
	}
	function loadBufferIntoDatabase(spec) {
	    const db = (0, service_spec_types_1.emptyDatabase)();
	    db.load(JSON.parse((0, node_zlib_1.gunzipSync)(spec).toString('utf-8')));
	    return db;
	}
	
	return lib$1;
}

var hasRequiredUtil$2;

function requireUtil$2 () {
	if (hasRequiredUtil$2) return util$2;
	hasRequiredUtil$2 = 1;
	Object.defineProperty(util$2, "__esModule", { value: true });
	util$2.deepEqual = deepEqual;
	util$2.diffKeyedEntities = diffKeyedEntities;
	util$2.unionOf = unionOf;
	util$2.mangleLikeCloudFormation = mangleLikeCloudFormation;
	util$2.loadResourceModel = loadResourceModel;
	const aws_service_spec_1 = requireLib();
	/**
	 * Compares two objects for equality, deeply. The function handles arguments that are
	 * +null+, +undefined+, arrays and objects. For objects, the function will not take the
	 * object prototype into account for the purpose of the comparison, only the values of
	 * properties reported by +Object.keys+.
	 *
	 * If both operands can be parsed to equivalent numbers, will return true.
	 * This makes diff consistent with CloudFormation, where a numeric 10 and a literal "10"
	 * are considered equivalent.
	 *
	 * @param lvalue - the left operand of the equality comparison.
	 * @param rvalue - the right operand of the equality comparison.
	 *
	 * @returns +true+ if both +lvalue+ and +rvalue+ are equivalent to each other.
	 */
	function deepEqual(lvalue, rvalue) {
	    if (lvalue === rvalue) {
	        return true;
	    }
	    // CloudFormation allows passing strings into boolean-typed fields
	    if (((typeof lvalue === 'string' && typeof rvalue === 'boolean') ||
	        (typeof lvalue === 'boolean' && typeof rvalue === 'string')) &&
	        lvalue.toString() === rvalue.toString()) {
	        return true;
	    }
	    // allows a numeric 10 and a literal "10" to be equivalent;
	    // this is consistent with CloudFormation.
	    if ((typeof lvalue === 'string' || typeof rvalue === 'string') &&
	        safeParseFloat(lvalue) === safeParseFloat(rvalue)) {
	        return true;
	    }
	    if (typeof lvalue !== typeof rvalue) {
	        return false;
	    }
	    if (Array.isArray(lvalue) !== Array.isArray(rvalue)) {
	        return false;
	    }
	    if (Array.isArray(lvalue) /* && Array.isArray(rvalue) */) {
	        if (lvalue.length !== rvalue.length) {
	            return false;
	        }
	        for (let i = 0; i < lvalue.length; i++) {
	            if (!deepEqual(lvalue[i], rvalue[i])) {
	                return false;
	            }
	        }
	        return true;
	    }
	    if (typeof lvalue === 'object' /* && typeof rvalue === 'object' */) {
	        if (lvalue === null || rvalue === null) {
	            // If both were null, they'd have been ===
	            return false;
	        }
	        const keys = Object.keys(lvalue);
	        if (keys.length !== Object.keys(rvalue).length) {
	            return false;
	        }
	        for (const key of keys) {
	            if (!rvalue.hasOwnProperty(key)) {
	                return false;
	            }
	            if (key === 'DependsOn') {
	                if (!dependsOnEqual(lvalue[key], rvalue[key])) {
	                    return false;
	                }
	                // check differences other than `DependsOn`
	                continue;
	            }
	            if (!deepEqual(lvalue[key], rvalue[key])) {
	                return false;
	            }
	        }
	        return true;
	    }
	    // Neither object, nor array: I deduce this is primitive type
	    // Primitive type and not ===, so I deduce not deepEqual
	    return false;
	}
	/**
	 * Compares two arguments to DependsOn for equality.
	 *
	 * @param lvalue - the left operand of the equality comparison.
	 * @param rvalue - the right operand of the equality comparison.
	 *
	 * @returns +true+ if both +lvalue+ and +rvalue+ are equivalent to each other.
	 */
	function dependsOnEqual(lvalue, rvalue) {
	    // allows ['Value'] and 'Value' to be equal
	    if (Array.isArray(lvalue) !== Array.isArray(rvalue)) {
	        const array = Array.isArray(lvalue) ? lvalue : rvalue;
	        const nonArray = Array.isArray(lvalue) ? rvalue : lvalue;
	        if (array.length === 1 && deepEqual(array[0], nonArray)) {
	            return true;
	        }
	        return false;
	    }
	    // allows arrays passed to DependsOn to be equivalent irrespective of element order
	    if (Array.isArray(lvalue) && Array.isArray(rvalue)) {
	        if (lvalue.length !== rvalue.length) {
	            return false;
	        }
	        // Match each element of lvalue with a distinct element of rvalue. Elements are
	        // consumed as they are matched, so duplicates are compared by multiplicity.
	        // Neither input is mutated: only the local copy of indices is.
	        const unmatched = rvalue.map((_, i) => i);
	        for (const l of lvalue) {
	            const at = unmatched.findIndex((i) => deepEqual(l, rvalue[i]));
	            if (at === -1) {
	                return false;
	            }
	            unmatched.splice(at, 1);
	        }
	        return true;
	    }
	    return false;
	}
	/**
	 * Produce the differences between two maps, as a map, using a specified diff function.
	 *
	 * @param oldValue  - the old map.
	 * @param newValue  - the new map.
	 * @param elementDiff - the diff function.
	 *
	 * @returns a map representing the differences between +oldValue+ and +newValue+.
	 */
	function diffKeyedEntities(oldValue, newValue, elementDiff) {
	    const result = {};
	    for (const logicalId of unionOf(Object.keys(oldValue || {}), Object.keys(newValue || {}))) {
	        const oldElement = oldValue && oldValue[logicalId];
	        const newElement = newValue && newValue[logicalId];
	        if (oldElement === undefined && newElement === undefined) {
	            // Shouldn't happen in reality, but may happen in tests. Skip.
	            continue;
	        }
	        result[logicalId] = elementDiff(oldElement, newElement, logicalId);
	    }
	    return result;
	}
	/**
	 * Computes the union of two sets of strings.
	 *
	 * @param lv - the left set of strings.
	 * @param rv - the right set of strings.
	 *
	 * @returns a new array containing all elemebts from +lv+ and +rv+, with no duplicates.
	 */
	function unionOf(lv, rv) {
	    const result = new Set(lv);
	    for (const v of rv) {
	        result.add(v);
	    }
	    return new Array(...result);
	}
	/**
	 * GetStackTemplate flattens any codepoint greater than "\u7f" to "?". This is
	 * true even for codepoints in the supplemental planes which are represented
	 * in JS as surrogate pairs, all the way up to "\u{10ffff}".
	 *
	 * This function implements the same mangling in order to provide diagnostic
	 * information in `cdk diff`.
	 */
	function mangleLikeCloudFormation(payload) {
	    return payload.replace(/[\u{80}-\u{10ffff}]/gu, '?');
	}
	/**
	 * A parseFloat implementation that does the right thing for
	 * strings like '0.0.0'
	 * (for which JavaScript's parseFloat() returns 0).
	 * We return NaN for all of these strings that do not represent numbers,
	 * and so comparing them fails,
	 * and doesn't short-circuit the diff logic.
	 */
	function safeParseFloat(str) {
	    return Number(str);
	}
	/**
	 * Lazily load the service spec database and cache the loaded db
	 */
	let DATABASE;
	function database() {
	    if (!DATABASE) {
	        DATABASE = (0, aws_service_spec_1.loadAwsServiceSpecSync)();
	    }
	    return DATABASE;
	}
	/**
	 * Load a Resource model from the Service Spec Database
	 *
	 * The database is loaded lazily and cached across multiple calls to `loadResourceModel`.
	 */
	function loadResourceModel(type) {
	    return database().lookup('resource', 'cloudFormationType', 'equals', type)[0];
	}
	
	return util$2;
}

var iamChanges = {};

var ansiStyles = {exports: {}};

var colorName;
var hasRequiredColorName;

function requireColorName () {
	if (hasRequiredColorName) return colorName;
	hasRequiredColorName = 1;

	colorName = {
		"aliceblue": [240, 248, 255],
		"antiquewhite": [250, 235, 215],
		"aqua": [0, 255, 255],
		"aquamarine": [127, 255, 212],
		"azure": [240, 255, 255],
		"beige": [245, 245, 220],
		"bisque": [255, 228, 196],
		"black": [0, 0, 0],
		"blanchedalmond": [255, 235, 205],
		"blue": [0, 0, 255],
		"blueviolet": [138, 43, 226],
		"brown": [165, 42, 42],
		"burlywood": [222, 184, 135],
		"cadetblue": [95, 158, 160],
		"chartreuse": [127, 255, 0],
		"chocolate": [210, 105, 30],
		"coral": [255, 127, 80],
		"cornflowerblue": [100, 149, 237],
		"cornsilk": [255, 248, 220],
		"crimson": [220, 20, 60],
		"cyan": [0, 255, 255],
		"darkblue": [0, 0, 139],
		"darkcyan": [0, 139, 139],
		"darkgoldenrod": [184, 134, 11],
		"darkgray": [169, 169, 169],
		"darkgreen": [0, 100, 0],
		"darkgrey": [169, 169, 169],
		"darkkhaki": [189, 183, 107],
		"darkmagenta": [139, 0, 139],
		"darkolivegreen": [85, 107, 47],
		"darkorange": [255, 140, 0],
		"darkorchid": [153, 50, 204],
		"darkred": [139, 0, 0],
		"darksalmon": [233, 150, 122],
		"darkseagreen": [143, 188, 143],
		"darkslateblue": [72, 61, 139],
		"darkslategray": [47, 79, 79],
		"darkslategrey": [47, 79, 79],
		"darkturquoise": [0, 206, 209],
		"darkviolet": [148, 0, 211],
		"deeppink": [255, 20, 147],
		"deepskyblue": [0, 191, 255],
		"dimgray": [105, 105, 105],
		"dimgrey": [105, 105, 105],
		"dodgerblue": [30, 144, 255],
		"firebrick": [178, 34, 34],
		"floralwhite": [255, 250, 240],
		"forestgreen": [34, 139, 34],
		"fuchsia": [255, 0, 255],
		"gainsboro": [220, 220, 220],
		"ghostwhite": [248, 248, 255],
		"gold": [255, 215, 0],
		"goldenrod": [218, 165, 32],
		"gray": [128, 128, 128],
		"green": [0, 128, 0],
		"greenyellow": [173, 255, 47],
		"grey": [128, 128, 128],
		"honeydew": [240, 255, 240],
		"hotpink": [255, 105, 180],
		"indianred": [205, 92, 92],
		"indigo": [75, 0, 130],
		"ivory": [255, 255, 240],
		"khaki": [240, 230, 140],
		"lavender": [230, 230, 250],
		"lavenderblush": [255, 240, 245],
		"lawngreen": [124, 252, 0],
		"lemonchiffon": [255, 250, 205],
		"lightblue": [173, 216, 230],
		"lightcoral": [240, 128, 128],
		"lightcyan": [224, 255, 255],
		"lightgoldenrodyellow": [250, 250, 210],
		"lightgray": [211, 211, 211],
		"lightgreen": [144, 238, 144],
		"lightgrey": [211, 211, 211],
		"lightpink": [255, 182, 193],
		"lightsalmon": [255, 160, 122],
		"lightseagreen": [32, 178, 170],
		"lightskyblue": [135, 206, 250],
		"lightslategray": [119, 136, 153],
		"lightslategrey": [119, 136, 153],
		"lightsteelblue": [176, 196, 222],
		"lightyellow": [255, 255, 224],
		"lime": [0, 255, 0],
		"limegreen": [50, 205, 50],
		"linen": [250, 240, 230],
		"magenta": [255, 0, 255],
		"maroon": [128, 0, 0],
		"mediumaquamarine": [102, 205, 170],
		"mediumblue": [0, 0, 205],
		"mediumorchid": [186, 85, 211],
		"mediumpurple": [147, 112, 219],
		"mediumseagreen": [60, 179, 113],
		"mediumslateblue": [123, 104, 238],
		"mediumspringgreen": [0, 250, 154],
		"mediumturquoise": [72, 209, 204],
		"mediumvioletred": [199, 21, 133],
		"midnightblue": [25, 25, 112],
		"mintcream": [245, 255, 250],
		"mistyrose": [255, 228, 225],
		"moccasin": [255, 228, 181],
		"navajowhite": [255, 222, 173],
		"navy": [0, 0, 128],
		"oldlace": [253, 245, 230],
		"olive": [128, 128, 0],
		"olivedrab": [107, 142, 35],
		"orange": [255, 165, 0],
		"orangered": [255, 69, 0],
		"orchid": [218, 112, 214],
		"palegoldenrod": [238, 232, 170],
		"palegreen": [152, 251, 152],
		"paleturquoise": [175, 238, 238],
		"palevioletred": [219, 112, 147],
		"papayawhip": [255, 239, 213],
		"peachpuff": [255, 218, 185],
		"peru": [205, 133, 63],
		"pink": [255, 192, 203],
		"plum": [221, 160, 221],
		"powderblue": [176, 224, 230],
		"purple": [128, 0, 128],
		"rebeccapurple": [102, 51, 153],
		"red": [255, 0, 0],
		"rosybrown": [188, 143, 143],
		"royalblue": [65, 105, 225],
		"saddlebrown": [139, 69, 19],
		"salmon": [250, 128, 114],
		"sandybrown": [244, 164, 96],
		"seagreen": [46, 139, 87],
		"seashell": [255, 245, 238],
		"sienna": [160, 82, 45],
		"silver": [192, 192, 192],
		"skyblue": [135, 206, 235],
		"slateblue": [106, 90, 205],
		"slategray": [112, 128, 144],
		"slategrey": [112, 128, 144],
		"snow": [255, 250, 250],
		"springgreen": [0, 255, 127],
		"steelblue": [70, 130, 180],
		"tan": [210, 180, 140],
		"teal": [0, 128, 128],
		"thistle": [216, 191, 216],
		"tomato": [255, 99, 71],
		"turquoise": [64, 224, 208],
		"violet": [238, 130, 238],
		"wheat": [245, 222, 179],
		"white": [255, 255, 255],
		"whitesmoke": [245, 245, 245],
		"yellow": [255, 255, 0],
		"yellowgreen": [154, 205, 50]
	};
	return colorName;
}

/* MIT license */

var conversions;
var hasRequiredConversions;

function requireConversions () {
	if (hasRequiredConversions) return conversions;
	hasRequiredConversions = 1;
	/* eslint-disable no-mixed-operators */
	const cssKeywords = requireColorName();

	// NOTE: conversions should only return primitive values (i.e. arrays, or
	//       values that give correct `typeof` results).
	//       do not use box values types (i.e. Number(), String(), etc.)

	const reverseKeywords = {};
	for (const key of Object.keys(cssKeywords)) {
		reverseKeywords[cssKeywords[key]] = key;
	}

	const convert = {
		rgb: {channels: 3, labels: 'rgb'},
		hsl: {channels: 3, labels: 'hsl'},
		hsv: {channels: 3, labels: 'hsv'},
		hwb: {channels: 3, labels: 'hwb'},
		cmyk: {channels: 4, labels: 'cmyk'},
		xyz: {channels: 3, labels: 'xyz'},
		lab: {channels: 3, labels: 'lab'},
		lch: {channels: 3, labels: 'lch'},
		hex: {channels: 1, labels: ['hex']},
		keyword: {channels: 1, labels: ['keyword']},
		ansi16: {channels: 1, labels: ['ansi16']},
		ansi256: {channels: 1, labels: ['ansi256']},
		hcg: {channels: 3, labels: ['h', 'c', 'g']},
		apple: {channels: 3, labels: ['r16', 'g16', 'b16']},
		gray: {channels: 1, labels: ['gray']}
	};

	conversions = convert;

	// Hide .channels and .labels properties
	for (const model of Object.keys(convert)) {
		if (!('channels' in convert[model])) {
			throw new Error('missing channels property: ' + model);
		}

		if (!('labels' in convert[model])) {
			throw new Error('missing channel labels property: ' + model);
		}

		if (convert[model].labels.length !== convert[model].channels) {
			throw new Error('channel and label counts mismatch: ' + model);
		}

		const {channels, labels} = convert[model];
		delete convert[model].channels;
		delete convert[model].labels;
		Object.defineProperty(convert[model], 'channels', {value: channels});
		Object.defineProperty(convert[model], 'labels', {value: labels});
	}

	convert.rgb.hsl = function (rgb) {
		const r = rgb[0] / 255;
		const g = rgb[1] / 255;
		const b = rgb[2] / 255;
		const min = Math.min(r, g, b);
		const max = Math.max(r, g, b);
		const delta = max - min;
		let h;
		let s;

		if (max === min) {
			h = 0;
		} else if (r === max) {
			h = (g - b) / delta;
		} else if (g === max) {
			h = 2 + (b - r) / delta;
		} else if (b === max) {
			h = 4 + (r - g) / delta;
		}

		h = Math.min(h * 60, 360);

		if (h < 0) {
			h += 360;
		}

		const l = (min + max) / 2;

		if (max === min) {
			s = 0;
		} else if (l <= 0.5) {
			s = delta / (max + min);
		} else {
			s = delta / (2 - max - min);
		}

		return [h, s * 100, l * 100];
	};

	convert.rgb.hsv = function (rgb) {
		let rdif;
		let gdif;
		let bdif;
		let h;
		let s;

		const r = rgb[0] / 255;
		const g = rgb[1] / 255;
		const b = rgb[2] / 255;
		const v = Math.max(r, g, b);
		const diff = v - Math.min(r, g, b);
		const diffc = function (c) {
			return (v - c) / 6 / diff + 1 / 2;
		};

		if (diff === 0) {
			h = 0;
			s = 0;
		} else {
			s = diff / v;
			rdif = diffc(r);
			gdif = diffc(g);
			bdif = diffc(b);

			if (r === v) {
				h = bdif - gdif;
			} else if (g === v) {
				h = (1 / 3) + rdif - bdif;
			} else if (b === v) {
				h = (2 / 3) + gdif - rdif;
			}

			if (h < 0) {
				h += 1;
			} else if (h > 1) {
				h -= 1;
			}
		}

		return [
			h * 360,
			s * 100,
			v * 100
		];
	};

	convert.rgb.hwb = function (rgb) {
		const r = rgb[0];
		const g = rgb[1];
		let b = rgb[2];
		const h = convert.rgb.hsl(rgb)[0];
		const w = 1 / 255 * Math.min(r, Math.min(g, b));

		b = 1 - 1 / 255 * Math.max(r, Math.max(g, b));

		return [h, w * 100, b * 100];
	};

	convert.rgb.cmyk = function (rgb) {
		const r = rgb[0] / 255;
		const g = rgb[1] / 255;
		const b = rgb[2] / 255;

		const k = Math.min(1 - r, 1 - g, 1 - b);
		const c = (1 - r - k) / (1 - k) || 0;
		const m = (1 - g - k) / (1 - k) || 0;
		const y = (1 - b - k) / (1 - k) || 0;

		return [c * 100, m * 100, y * 100, k * 100];
	};

	function comparativeDistance(x, y) {
		/*
			See https://en.m.wikipedia.org/wiki/Euclidean_distance#Squared_Euclidean_distance
		*/
		return (
			((x[0] - y[0]) ** 2) +
			((x[1] - y[1]) ** 2) +
			((x[2] - y[2]) ** 2)
		);
	}

	convert.rgb.keyword = function (rgb) {
		const reversed = reverseKeywords[rgb];
		if (reversed) {
			return reversed;
		}

		let currentClosestDistance = Infinity;
		let currentClosestKeyword;

		for (const keyword of Object.keys(cssKeywords)) {
			const value = cssKeywords[keyword];

			// Compute comparative distance
			const distance = comparativeDistance(rgb, value);

			// Check if its less, if so set as closest
			if (distance < currentClosestDistance) {
				currentClosestDistance = distance;
				currentClosestKeyword = keyword;
			}
		}

		return currentClosestKeyword;
	};

	convert.keyword.rgb = function (keyword) {
		return cssKeywords[keyword];
	};

	convert.rgb.xyz = function (rgb) {
		let r = rgb[0] / 255;
		let g = rgb[1] / 255;
		let b = rgb[2] / 255;

		// Assume sRGB
		r = r > 0.04045 ? (((r + 0.055) / 1.055) ** 2.4) : (r / 12.92);
		g = g > 0.04045 ? (((g + 0.055) / 1.055) ** 2.4) : (g / 12.92);
		b = b > 0.04045 ? (((b + 0.055) / 1.055) ** 2.4) : (b / 12.92);

		const x = (r * 0.4124) + (g * 0.3576) + (b * 0.1805);
		const y = (r * 0.2126) + (g * 0.7152) + (b * 0.0722);
		const z = (r * 0.0193) + (g * 0.1192) + (b * 0.9505);

		return [x * 100, y * 100, z * 100];
	};

	convert.rgb.lab = function (rgb) {
		const xyz = convert.rgb.xyz(rgb);
		let x = xyz[0];
		let y = xyz[1];
		let z = xyz[2];

		x /= 95.047;
		y /= 100;
		z /= 108.883;

		x = x > 0.008856 ? (x ** (1 / 3)) : (7.787 * x) + (16 / 116);
		y = y > 0.008856 ? (y ** (1 / 3)) : (7.787 * y) + (16 / 116);
		z = z > 0.008856 ? (z ** (1 / 3)) : (7.787 * z) + (16 / 116);

		const l = (116 * y) - 16;
		const a = 500 * (x - y);
		const b = 200 * (y - z);

		return [l, a, b];
	};

	convert.hsl.rgb = function (hsl) {
		const h = hsl[0] / 360;
		const s = hsl[1] / 100;
		const l = hsl[2] / 100;
		let t2;
		let t3;
		let val;

		if (s === 0) {
			val = l * 255;
			return [val, val, val];
		}

		if (l < 0.5) {
			t2 = l * (1 + s);
		} else {
			t2 = l + s - l * s;
		}

		const t1 = 2 * l - t2;

		const rgb = [0, 0, 0];
		for (let i = 0; i < 3; i++) {
			t3 = h + 1 / 3 * -(i - 1);
			if (t3 < 0) {
				t3++;
			}

			if (t3 > 1) {
				t3--;
			}

			if (6 * t3 < 1) {
				val = t1 + (t2 - t1) * 6 * t3;
			} else if (2 * t3 < 1) {
				val = t2;
			} else if (3 * t3 < 2) {
				val = t1 + (t2 - t1) * (2 / 3 - t3) * 6;
			} else {
				val = t1;
			}

			rgb[i] = val * 255;
		}

		return rgb;
	};

	convert.hsl.hsv = function (hsl) {
		const h = hsl[0];
		let s = hsl[1] / 100;
		let l = hsl[2] / 100;
		let smin = s;
		const lmin = Math.max(l, 0.01);

		l *= 2;
		s *= (l <= 1) ? l : 2 - l;
		smin *= lmin <= 1 ? lmin : 2 - lmin;
		const v = (l + s) / 2;
		const sv = l === 0 ? (2 * smin) / (lmin + smin) : (2 * s) / (l + s);

		return [h, sv * 100, v * 100];
	};

	convert.hsv.rgb = function (hsv) {
		const h = hsv[0] / 60;
		const s = hsv[1] / 100;
		let v = hsv[2] / 100;
		const hi = Math.floor(h) % 6;

		const f = h - Math.floor(h);
		const p = 255 * v * (1 - s);
		const q = 255 * v * (1 - (s * f));
		const t = 255 * v * (1 - (s * (1 - f)));
		v *= 255;

		switch (hi) {
			case 0:
				return [v, t, p];
			case 1:
				return [q, v, p];
			case 2:
				return [p, v, t];
			case 3:
				return [p, q, v];
			case 4:
				return [t, p, v];
			case 5:
				return [v, p, q];
		}
	};

	convert.hsv.hsl = function (hsv) {
		const h = hsv[0];
		const s = hsv[1] / 100;
		const v = hsv[2] / 100;
		const vmin = Math.max(v, 0.01);
		let sl;
		let l;

		l = (2 - s) * v;
		const lmin = (2 - s) * vmin;
		sl = s * vmin;
		sl /= (lmin <= 1) ? lmin : 2 - lmin;
		sl = sl || 0;
		l /= 2;

		return [h, sl * 100, l * 100];
	};

	// http://dev.w3.org/csswg/css-color/#hwb-to-rgb
	convert.hwb.rgb = function (hwb) {
		const h = hwb[0] / 360;
		let wh = hwb[1] / 100;
		let bl = hwb[2] / 100;
		const ratio = wh + bl;
		let f;

		// Wh + bl cant be > 1
		if (ratio > 1) {
			wh /= ratio;
			bl /= ratio;
		}

		const i = Math.floor(6 * h);
		const v = 1 - bl;
		f = 6 * h - i;

		if ((i & 0x01) !== 0) {
			f = 1 - f;
		}

		const n = wh + f * (v - wh); // Linear interpolation

		let r;
		let g;
		let b;
		/* eslint-disable max-statements-per-line,no-multi-spaces */
		switch (i) {
			default:
			case 6:
			case 0: r = v;  g = n;  b = wh; break;
			case 1: r = n;  g = v;  b = wh; break;
			case 2: r = wh; g = v;  b = n; break;
			case 3: r = wh; g = n;  b = v; break;
			case 4: r = n;  g = wh; b = v; break;
			case 5: r = v;  g = wh; b = n; break;
		}
		/* eslint-enable max-statements-per-line,no-multi-spaces */

		return [r * 255, g * 255, b * 255];
	};

	convert.cmyk.rgb = function (cmyk) {
		const c = cmyk[0] / 100;
		const m = cmyk[1] / 100;
		const y = cmyk[2] / 100;
		const k = cmyk[3] / 100;

		const r = 1 - Math.min(1, c * (1 - k) + k);
		const g = 1 - Math.min(1, m * (1 - k) + k);
		const b = 1 - Math.min(1, y * (1 - k) + k);

		return [r * 255, g * 255, b * 255];
	};

	convert.xyz.rgb = function (xyz) {
		const x = xyz[0] / 100;
		const y = xyz[1] / 100;
		const z = xyz[2] / 100;
		let r;
		let g;
		let b;

		r = (x * 3.2406) + (y * -1.5372) + (z * -0.4986);
		g = (x * -0.9689) + (y * 1.8758) + (z * 0.0415);
		b = (x * 0.0557) + (y * -0.204) + (z * 1.0570);

		// Assume sRGB
		r = r > 0.0031308
			? ((1.055 * (r ** (1.0 / 2.4))) - 0.055)
			: r * 12.92;

		g = g > 0.0031308
			? ((1.055 * (g ** (1.0 / 2.4))) - 0.055)
			: g * 12.92;

		b = b > 0.0031308
			? ((1.055 * (b ** (1.0 / 2.4))) - 0.055)
			: b * 12.92;

		r = Math.min(Math.max(0, r), 1);
		g = Math.min(Math.max(0, g), 1);
		b = Math.min(Math.max(0, b), 1);

		return [r * 255, g * 255, b * 255];
	};

	convert.xyz.lab = function (xyz) {
		let x = xyz[0];
		let y = xyz[1];
		let z = xyz[2];

		x /= 95.047;
		y /= 100;
		z /= 108.883;

		x = x > 0.008856 ? (x ** (1 / 3)) : (7.787 * x) + (16 / 116);
		y = y > 0.008856 ? (y ** (1 / 3)) : (7.787 * y) + (16 / 116);
		z = z > 0.008856 ? (z ** (1 / 3)) : (7.787 * z) + (16 / 116);

		const l = (116 * y) - 16;
		const a = 500 * (x - y);
		const b = 200 * (y - z);

		return [l, a, b];
	};

	convert.lab.xyz = function (lab) {
		const l = lab[0];
		const a = lab[1];
		const b = lab[2];
		let x;
		let y;
		let z;

		y = (l + 16) / 116;
		x = a / 500 + y;
		z = y - b / 200;

		const y2 = y ** 3;
		const x2 = x ** 3;
		const z2 = z ** 3;
		y = y2 > 0.008856 ? y2 : (y - 16 / 116) / 7.787;
		x = x2 > 0.008856 ? x2 : (x - 16 / 116) / 7.787;
		z = z2 > 0.008856 ? z2 : (z - 16 / 116) / 7.787;

		x *= 95.047;
		y *= 100;
		z *= 108.883;

		return [x, y, z];
	};

	convert.lab.lch = function (lab) {
		const l = lab[0];
		const a = lab[1];
		const b = lab[2];
		let h;

		const hr = Math.atan2(b, a);
		h = hr * 360 / 2 / Math.PI;

		if (h < 0) {
			h += 360;
		}

		const c = Math.sqrt(a * a + b * b);

		return [l, c, h];
	};

	convert.lch.lab = function (lch) {
		const l = lch[0];
		const c = lch[1];
		const h = lch[2];

		const hr = h / 360 * 2 * Math.PI;
		const a = c * Math.cos(hr);
		const b = c * Math.sin(hr);

		return [l, a, b];
	};

	convert.rgb.ansi16 = function (args, saturation = null) {
		const [r, g, b] = args;
		let value = saturation === null ? convert.rgb.hsv(args)[2] : saturation; // Hsv -> ansi16 optimization

		value = Math.round(value / 50);

		if (value === 0) {
			return 30;
		}

		let ansi = 30
			+ ((Math.round(b / 255) << 2)
			| (Math.round(g / 255) << 1)
			| Math.round(r / 255));

		if (value === 2) {
			ansi += 60;
		}

		return ansi;
	};

	convert.hsv.ansi16 = function (args) {
		// Optimization here; we already know the value and don't need to get
		// it converted for us.
		return convert.rgb.ansi16(convert.hsv.rgb(args), args[2]);
	};

	convert.rgb.ansi256 = function (args) {
		const r = args[0];
		const g = args[1];
		const b = args[2];

		// We use the extended greyscale palette here, with the exception of
		// black and white. normal palette only has 4 greyscale shades.
		if (r === g && g === b) {
			if (r < 8) {
				return 16;
			}

			if (r > 248) {
				return 231;
			}

			return Math.round(((r - 8) / 247) * 24) + 232;
		}

		const ansi = 16
			+ (36 * Math.round(r / 255 * 5))
			+ (6 * Math.round(g / 255 * 5))
			+ Math.round(b / 255 * 5);

		return ansi;
	};

	convert.ansi16.rgb = function (args) {
		let color = args % 10;

		// Handle greyscale
		if (color === 0 || color === 7) {
			if (args > 50) {
				color += 3.5;
			}

			color = color / 10.5 * 255;

			return [color, color, color];
		}

		const mult = (~~(args > 50) + 1) * 0.5;
		const r = ((color & 1) * mult) * 255;
		const g = (((color >> 1) & 1) * mult) * 255;
		const b = (((color >> 2) & 1) * mult) * 255;

		return [r, g, b];
	};

	convert.ansi256.rgb = function (args) {
		// Handle greyscale
		if (args >= 232) {
			const c = (args - 232) * 10 + 8;
			return [c, c, c];
		}

		args -= 16;

		let rem;
		const r = Math.floor(args / 36) / 5 * 255;
		const g = Math.floor((rem = args % 36) / 6) / 5 * 255;
		const b = (rem % 6) / 5 * 255;

		return [r, g, b];
	};

	convert.rgb.hex = function (args) {
		const integer = ((Math.round(args[0]) & 0xFF) << 16)
			+ ((Math.round(args[1]) & 0xFF) << 8)
			+ (Math.round(args[2]) & 0xFF);

		const string = integer.toString(16).toUpperCase();
		return '000000'.substring(string.length) + string;
	};

	convert.hex.rgb = function (args) {
		const match = args.toString(16).match(/[a-f0-9]{6}|[a-f0-9]{3}/i);
		if (!match) {
			return [0, 0, 0];
		}

		let colorString = match[0];

		if (match[0].length === 3) {
			colorString = colorString.split('').map(char => {
				return char + char;
			}).join('');
		}

		const integer = parseInt(colorString, 16);
		const r = (integer >> 16) & 0xFF;
		const g = (integer >> 8) & 0xFF;
		const b = integer & 0xFF;

		return [r, g, b];
	};

	convert.rgb.hcg = function (rgb) {
		const r = rgb[0] / 255;
		const g = rgb[1] / 255;
		const b = rgb[2] / 255;
		const max = Math.max(Math.max(r, g), b);
		const min = Math.min(Math.min(r, g), b);
		const chroma = (max - min);
		let grayscale;
		let hue;

		if (chroma < 1) {
			grayscale = min / (1 - chroma);
		} else {
			grayscale = 0;
		}

		if (chroma <= 0) {
			hue = 0;
		} else
		if (max === r) {
			hue = ((g - b) / chroma) % 6;
		} else
		if (max === g) {
			hue = 2 + (b - r) / chroma;
		} else {
			hue = 4 + (r - g) / chroma;
		}

		hue /= 6;
		hue %= 1;

		return [hue * 360, chroma * 100, grayscale * 100];
	};

	convert.hsl.hcg = function (hsl) {
		const s = hsl[1] / 100;
		const l = hsl[2] / 100;

		const c = l < 0.5 ? (2.0 * s * l) : (2.0 * s * (1.0 - l));

		let f = 0;
		if (c < 1.0) {
			f = (l - 0.5 * c) / (1.0 - c);
		}

		return [hsl[0], c * 100, f * 100];
	};

	convert.hsv.hcg = function (hsv) {
		const s = hsv[1] / 100;
		const v = hsv[2] / 100;

		const c = s * v;
		let f = 0;

		if (c < 1.0) {
			f = (v - c) / (1 - c);
		}

		return [hsv[0], c * 100, f * 100];
	};

	convert.hcg.rgb = function (hcg) {
		const h = hcg[0] / 360;
		const c = hcg[1] / 100;
		const g = hcg[2] / 100;

		if (c === 0.0) {
			return [g * 255, g * 255, g * 255];
		}

		const pure = [0, 0, 0];
		const hi = (h % 1) * 6;
		const v = hi % 1;
		const w = 1 - v;
		let mg = 0;

		/* eslint-disable max-statements-per-line */
		switch (Math.floor(hi)) {
			case 0:
				pure[0] = 1; pure[1] = v; pure[2] = 0; break;
			case 1:
				pure[0] = w; pure[1] = 1; pure[2] = 0; break;
			case 2:
				pure[0] = 0; pure[1] = 1; pure[2] = v; break;
			case 3:
				pure[0] = 0; pure[1] = w; pure[2] = 1; break;
			case 4:
				pure[0] = v; pure[1] = 0; pure[2] = 1; break;
			default:
				pure[0] = 1; pure[1] = 0; pure[2] = w;
		}
		/* eslint-enable max-statements-per-line */

		mg = (1.0 - c) * g;

		return [
			(c * pure[0] + mg) * 255,
			(c * pure[1] + mg) * 255,
			(c * pure[2] + mg) * 255
		];
	};

	convert.hcg.hsv = function (hcg) {
		const c = hcg[1] / 100;
		const g = hcg[2] / 100;

		const v = c + g * (1.0 - c);
		let f = 0;

		if (v > 0.0) {
			f = c / v;
		}

		return [hcg[0], f * 100, v * 100];
	};

	convert.hcg.hsl = function (hcg) {
		const c = hcg[1] / 100;
		const g = hcg[2] / 100;

		const l = g * (1.0 - c) + 0.5 * c;
		let s = 0;

		if (l > 0.0 && l < 0.5) {
			s = c / (2 * l);
		} else
		if (l >= 0.5 && l < 1.0) {
			s = c / (2 * (1 - l));
		}

		return [hcg[0], s * 100, l * 100];
	};

	convert.hcg.hwb = function (hcg) {
		const c = hcg[1] / 100;
		const g = hcg[2] / 100;
		const v = c + g * (1.0 - c);
		return [hcg[0], (v - c) * 100, (1 - v) * 100];
	};

	convert.hwb.hcg = function (hwb) {
		const w = hwb[1] / 100;
		const b = hwb[2] / 100;
		const v = 1 - b;
		const c = v - w;
		let g = 0;

		if (c < 1) {
			g = (v - c) / (1 - c);
		}

		return [hwb[0], c * 100, g * 100];
	};

	convert.apple.rgb = function (apple) {
		return [(apple[0] / 65535) * 255, (apple[1] / 65535) * 255, (apple[2] / 65535) * 255];
	};

	convert.rgb.apple = function (rgb) {
		return [(rgb[0] / 255) * 65535, (rgb[1] / 255) * 65535, (rgb[2] / 255) * 65535];
	};

	convert.gray.rgb = function (args) {
		return [args[0] / 100 * 255, args[0] / 100 * 255, args[0] / 100 * 255];
	};

	convert.gray.hsl = function (args) {
		return [0, 0, args[0]];
	};

	convert.gray.hsv = convert.gray.hsl;

	convert.gray.hwb = function (gray) {
		return [0, 100, gray[0]];
	};

	convert.gray.cmyk = function (gray) {
		return [0, 0, 0, gray[0]];
	};

	convert.gray.lab = function (gray) {
		return [gray[0], 0, 0];
	};

	convert.gray.hex = function (gray) {
		const val = Math.round(gray[0] / 100 * 255) & 0xFF;
		const integer = (val << 16) + (val << 8) + val;

		const string = integer.toString(16).toUpperCase();
		return '000000'.substring(string.length) + string;
	};

	convert.rgb.gray = function (rgb) {
		const val = (rgb[0] + rgb[1] + rgb[2]) / 3;
		return [val / 255 * 100];
	};
	return conversions;
}

var route;
var hasRequiredRoute;

function requireRoute () {
	if (hasRequiredRoute) return route;
	hasRequiredRoute = 1;
	const conversions = requireConversions();

	/*
		This function routes a model to all other models.

		all functions that are routed have a property `.conversion` attached
		to the returned synthetic function. This property is an array
		of strings, each with the steps in between the 'from' and 'to'
		color models (inclusive).

		conversions that are not possible simply are not included.
	*/

	function buildGraph() {
		const graph = {};
		// https://jsperf.com/object-keys-vs-for-in-with-closure/3
		const models = Object.keys(conversions);

		for (let len = models.length, i = 0; i < len; i++) {
			graph[models[i]] = {
				// http://jsperf.com/1-vs-infinity
				// micro-opt, but this is simple.
				distance: -1,
				parent: null
			};
		}

		return graph;
	}

	// https://en.wikipedia.org/wiki/Breadth-first_search
	function deriveBFS(fromModel) {
		const graph = buildGraph();
		const queue = [fromModel]; // Unshift -> queue -> pop

		graph[fromModel].distance = 0;

		while (queue.length) {
			const current = queue.pop();
			const adjacents = Object.keys(conversions[current]);

			for (let len = adjacents.length, i = 0; i < len; i++) {
				const adjacent = adjacents[i];
				const node = graph[adjacent];

				if (node.distance === -1) {
					node.distance = graph[current].distance + 1;
					node.parent = current;
					queue.unshift(adjacent);
				}
			}
		}

		return graph;
	}

	function link(from, to) {
		return function (args) {
			return to(from(args));
		};
	}

	function wrapConversion(toModel, graph) {
		const path = [graph[toModel].parent, toModel];
		let fn = conversions[graph[toModel].parent][toModel];

		let cur = graph[toModel].parent;
		while (graph[cur].parent) {
			path.unshift(graph[cur].parent);
			fn = link(conversions[graph[cur].parent][cur], fn);
			cur = graph[cur].parent;
		}

		fn.conversion = path;
		return fn;
	}

	route = function (fromModel) {
		const graph = deriveBFS(fromModel);
		const conversion = {};

		const models = Object.keys(graph);
		for (let len = models.length, i = 0; i < len; i++) {
			const toModel = models[i];
			const node = graph[toModel];

			if (node.parent === null) {
				// No possible conversion, or this node is the source model.
				continue;
			}

			conversion[toModel] = wrapConversion(toModel, graph);
		}

		return conversion;
	};
	return route;
}

var colorConvert;
var hasRequiredColorConvert;

function requireColorConvert () {
	if (hasRequiredColorConvert) return colorConvert;
	hasRequiredColorConvert = 1;
	const conversions = requireConversions();
	const route = requireRoute();

	const convert = {};

	const models = Object.keys(conversions);

	function wrapRaw(fn) {
		const wrappedFn = function (...args) {
			const arg0 = args[0];
			if (arg0 === undefined || arg0 === null) {
				return arg0;
			}

			if (arg0.length > 1) {
				args = arg0;
			}

			return fn(args);
		};

		// Preserve .conversion property if there is one
		if ('conversion' in fn) {
			wrappedFn.conversion = fn.conversion;
		}

		return wrappedFn;
	}

	function wrapRounded(fn) {
		const wrappedFn = function (...args) {
			const arg0 = args[0];

			if (arg0 === undefined || arg0 === null) {
				return arg0;
			}

			if (arg0.length > 1) {
				args = arg0;
			}

			const result = fn(args);

			// We're assuming the result is an array here.
			// see notice in conversions.js; don't use box types
			// in conversion functions.
			if (typeof result === 'object') {
				for (let len = result.length, i = 0; i < len; i++) {
					result[i] = Math.round(result[i]);
				}
			}

			return result;
		};

		// Preserve .conversion property if there is one
		if ('conversion' in fn) {
			wrappedFn.conversion = fn.conversion;
		}

		return wrappedFn;
	}

	models.forEach(fromModel => {
		convert[fromModel] = {};

		Object.defineProperty(convert[fromModel], 'channels', {value: conversions[fromModel].channels});
		Object.defineProperty(convert[fromModel], 'labels', {value: conversions[fromModel].labels});

		const routes = route(fromModel);
		const routeModels = Object.keys(routes);

		routeModels.forEach(toModel => {
			const fn = routes[toModel];

			convert[fromModel][toModel] = wrapRounded(fn);
			convert[fromModel][toModel].raw = wrapRaw(fn);
		});
	});

	colorConvert = convert;
	return colorConvert;
}

ansiStyles.exports;

var hasRequiredAnsiStyles;

function requireAnsiStyles () {
	if (hasRequiredAnsiStyles) return ansiStyles.exports;
	hasRequiredAnsiStyles = 1;
	(function (module) {

		const wrapAnsi16 = (fn, offset) => (...args) => {
			const code = fn(...args);
			return `\u001B[${code + offset}m`;
		};

		const wrapAnsi256 = (fn, offset) => (...args) => {
			const code = fn(...args);
			return `\u001B[${38 + offset};5;${code}m`;
		};

		const wrapAnsi16m = (fn, offset) => (...args) => {
			const rgb = fn(...args);
			return `\u001B[${38 + offset};2;${rgb[0]};${rgb[1]};${rgb[2]}m`;
		};

		const ansi2ansi = n => n;
		const rgb2rgb = (r, g, b) => [r, g, b];

		const setLazyProperty = (object, property, get) => {
			Object.defineProperty(object, property, {
				get: () => {
					const value = get();

					Object.defineProperty(object, property, {
						value,
						enumerable: true,
						configurable: true
					});

					return value;
				},
				enumerable: true,
				configurable: true
			});
		};

		/** @type {typeof import('color-convert')} */
		let colorConvert;
		const makeDynamicStyles = (wrap, targetSpace, identity, isBackground) => {
			if (colorConvert === undefined) {
				colorConvert = requireColorConvert();
			}

			const offset = isBackground ? 10 : 0;
			const styles = {};

			for (const [sourceSpace, suite] of Object.entries(colorConvert)) {
				const name = sourceSpace === 'ansi16' ? 'ansi' : sourceSpace;
				if (sourceSpace === targetSpace) {
					styles[name] = wrap(identity, offset);
				} else if (typeof suite === 'object') {
					styles[name] = wrap(suite[targetSpace], offset);
				}
			}

			return styles;
		};

		function assembleStyles() {
			const codes = new Map();
			const styles = {
				modifier: {
					reset: [0, 0],
					// 21 isn't widely supported and 22 does the same thing
					bold: [1, 22],
					dim: [2, 22],
					italic: [3, 23],
					underline: [4, 24],
					inverse: [7, 27],
					hidden: [8, 28],
					strikethrough: [9, 29]
				},
				color: {
					black: [30, 39],
					red: [31, 39],
					green: [32, 39],
					yellow: [33, 39],
					blue: [34, 39],
					magenta: [35, 39],
					cyan: [36, 39],
					white: [37, 39],

					// Bright color
					blackBright: [90, 39],
					redBright: [91, 39],
					greenBright: [92, 39],
					yellowBright: [93, 39],
					blueBright: [94, 39],
					magentaBright: [95, 39],
					cyanBright: [96, 39],
					whiteBright: [97, 39]
				},
				bgColor: {
					bgBlack: [40, 49],
					bgRed: [41, 49],
					bgGreen: [42, 49],
					bgYellow: [43, 49],
					bgBlue: [44, 49],
					bgMagenta: [45, 49],
					bgCyan: [46, 49],
					bgWhite: [47, 49],

					// Bright color
					bgBlackBright: [100, 49],
					bgRedBright: [101, 49],
					bgGreenBright: [102, 49],
					bgYellowBright: [103, 49],
					bgBlueBright: [104, 49],
					bgMagentaBright: [105, 49],
					bgCyanBright: [106, 49],
					bgWhiteBright: [107, 49]
				}
			};

			// Alias bright black as gray (and grey)
			styles.color.gray = styles.color.blackBright;
			styles.bgColor.bgGray = styles.bgColor.bgBlackBright;
			styles.color.grey = styles.color.blackBright;
			styles.bgColor.bgGrey = styles.bgColor.bgBlackBright;

			for (const [groupName, group] of Object.entries(styles)) {
				for (const [styleName, style] of Object.entries(group)) {
					styles[styleName] = {
						open: `\u001B[${style[0]}m`,
						close: `\u001B[${style[1]}m`
					};

					group[styleName] = styles[styleName];

					codes.set(style[0], style[1]);
				}

				Object.defineProperty(styles, groupName, {
					value: group,
					enumerable: false
				});
			}

			Object.defineProperty(styles, 'codes', {
				value: codes,
				enumerable: false
			});

			styles.color.close = '\u001B[39m';
			styles.bgColor.close = '\u001B[49m';

			setLazyProperty(styles.color, 'ansi', () => makeDynamicStyles(wrapAnsi16, 'ansi16', ansi2ansi, false));
			setLazyProperty(styles.color, 'ansi256', () => makeDynamicStyles(wrapAnsi256, 'ansi256', ansi2ansi, false));
			setLazyProperty(styles.color, 'ansi16m', () => makeDynamicStyles(wrapAnsi16m, 'rgb', rgb2rgb, false));
			setLazyProperty(styles.bgColor, 'ansi', () => makeDynamicStyles(wrapAnsi16, 'ansi16', ansi2ansi, true));
			setLazyProperty(styles.bgColor, 'ansi256', () => makeDynamicStyles(wrapAnsi256, 'ansi256', ansi2ansi, true));
			setLazyProperty(styles.bgColor, 'ansi16m', () => makeDynamicStyles(wrapAnsi16m, 'rgb', rgb2rgb, true));

			return styles;
		}

		// Make the export immutable
		Object.defineProperty(module, 'exports', {
			enumerable: true,
			get: assembleStyles
		}); 
	} (ansiStyles));
	return ansiStyles.exports;
}

var hasFlag;
var hasRequiredHasFlag;

function requireHasFlag () {
	if (hasRequiredHasFlag) return hasFlag;
	hasRequiredHasFlag = 1;

	hasFlag = (flag, argv = process.argv) => {
		const prefix = flag.startsWith('-') ? '' : (flag.length === 1 ? '-' : '--');
		const position = argv.indexOf(prefix + flag);
		const terminatorPosition = argv.indexOf('--');
		return position !== -1 && (terminatorPosition === -1 || position < terminatorPosition);
	};
	return hasFlag;
}

var supportsColor_1;
var hasRequiredSupportsColor;

function requireSupportsColor () {
	if (hasRequiredSupportsColor) return supportsColor_1;
	hasRequiredSupportsColor = 1;
	const os = require$$0$2;
	const tty = require$$1$2;
	const hasFlag = requireHasFlag();

	const {env} = process;

	let forceColor;
	if (hasFlag('no-color') ||
		hasFlag('no-colors') ||
		hasFlag('color=false') ||
		hasFlag('color=never')) {
		forceColor = 0;
	} else if (hasFlag('color') ||
		hasFlag('colors') ||
		hasFlag('color=true') ||
		hasFlag('color=always')) {
		forceColor = 1;
	}

	if ('FORCE_COLOR' in env) {
		if (env.FORCE_COLOR === 'true') {
			forceColor = 1;
		} else if (env.FORCE_COLOR === 'false') {
			forceColor = 0;
		} else {
			forceColor = env.FORCE_COLOR.length === 0 ? 1 : Math.min(parseInt(env.FORCE_COLOR, 10), 3);
		}
	}

	function translateLevel(level) {
		if (level === 0) {
			return false;
		}

		return {
			level,
			hasBasic: true,
			has256: level >= 2,
			has16m: level >= 3
		};
	}

	function supportsColor(haveStream, streamIsTTY) {
		if (forceColor === 0) {
			return 0;
		}

		if (hasFlag('color=16m') ||
			hasFlag('color=full') ||
			hasFlag('color=truecolor')) {
			return 3;
		}

		if (hasFlag('color=256')) {
			return 2;
		}

		if (haveStream && !streamIsTTY && forceColor === undefined) {
			return 0;
		}

		const min = forceColor || 0;

		if (env.TERM === 'dumb') {
			return min;
		}

		if (process.platform === 'win32') {
			// Windows 10 build 10586 is the first Windows release that supports 256 colors.
			// Windows 10 build 14931 is the first release that supports 16m/TrueColor.
			const osRelease = os.release().split('.');
			if (
				Number(osRelease[0]) >= 10 &&
				Number(osRelease[2]) >= 10586
			) {
				return Number(osRelease[2]) >= 14931 ? 3 : 2;
			}

			return 1;
		}

		if ('CI' in env) {
			if (['TRAVIS', 'CIRCLECI', 'APPVEYOR', 'GITLAB_CI', 'GITHUB_ACTIONS', 'BUILDKITE'].some(sign => sign in env) || env.CI_NAME === 'codeship') {
				return 1;
			}

			return min;
		}

		if ('TEAMCITY_VERSION' in env) {
			return /^(9\.(0*[1-9]\d*)\.|\d{2,}\.)/.test(env.TEAMCITY_VERSION) ? 1 : 0;
		}

		if (env.COLORTERM === 'truecolor') {
			return 3;
		}

		if ('TERM_PROGRAM' in env) {
			const version = parseInt((env.TERM_PROGRAM_VERSION || '').split('.')[0], 10);

			switch (env.TERM_PROGRAM) {
				case 'iTerm.app':
					return version >= 3 ? 3 : 2;
				case 'Apple_Terminal':
					return 2;
				// No default
			}
		}

		if (/-256(color)?$/i.test(env.TERM)) {
			return 2;
		}

		if (/^screen|^xterm|^vt100|^vt220|^rxvt|color|ansi|cygwin|linux/i.test(env.TERM)) {
			return 1;
		}

		if ('COLORTERM' in env) {
			return 1;
		}

		return min;
	}

	function getSupportLevel(stream) {
		const level = supportsColor(stream, stream && stream.isTTY);
		return translateLevel(level);
	}

	supportsColor_1 = {
		supportsColor: getSupportLevel,
		stdout: translateLevel(supportsColor(true, tty.isatty(1))),
		stderr: translateLevel(supportsColor(true, tty.isatty(2)))
	};
	return supportsColor_1;
}

var util$1;
var hasRequiredUtil$1;

function requireUtil$1 () {
	if (hasRequiredUtil$1) return util$1;
	hasRequiredUtil$1 = 1;

	const stringReplaceAll = (string, substring, replacer) => {
		let index = string.indexOf(substring);
		if (index === -1) {
			return string;
		}

		const substringLength = substring.length;
		let endIndex = 0;
		let returnValue = '';
		do {
			returnValue += string.substr(endIndex, index - endIndex) + substring + replacer;
			endIndex = index + substringLength;
			index = string.indexOf(substring, endIndex);
		} while (index !== -1);

		returnValue += string.substr(endIndex);
		return returnValue;
	};

	const stringEncaseCRLFWithFirstIndex = (string, prefix, postfix, index) => {
		let endIndex = 0;
		let returnValue = '';
		do {
			const gotCR = string[index - 1] === '\r';
			returnValue += string.substr(endIndex, (gotCR ? index - 1 : index) - endIndex) + prefix + (gotCR ? '\r\n' : '\n') + postfix;
			endIndex = index + 1;
			index = string.indexOf('\n', endIndex);
		} while (index !== -1);

		returnValue += string.substr(endIndex);
		return returnValue;
	};

	util$1 = {
		stringReplaceAll,
		stringEncaseCRLFWithFirstIndex
	};
	return util$1;
}

var templates;
var hasRequiredTemplates;

function requireTemplates () {
	if (hasRequiredTemplates) return templates;
	hasRequiredTemplates = 1;
	const TEMPLATE_REGEX = /(?:\\(u(?:[a-f\d]{4}|\{[a-f\d]{1,6}\})|x[a-f\d]{2}|.))|(?:\{(~)?(\w+(?:\([^)]*\))?(?:\.\w+(?:\([^)]*\))?)*)(?:[ \t]|(?=\r?\n)))|(\})|((?:.|[\r\n\f])+?)/gi;
	const STYLE_REGEX = /(?:^|\.)(\w+)(?:\(([^)]*)\))?/g;
	const STRING_REGEX = /^(['"])((?:\\.|(?!\1)[^\\])*)\1$/;
	const ESCAPE_REGEX = /\\(u(?:[a-f\d]{4}|{[a-f\d]{1,6}})|x[a-f\d]{2}|.)|([^\\])/gi;

	const ESCAPES = new Map([
		['n', '\n'],
		['r', '\r'],
		['t', '\t'],
		['b', '\b'],
		['f', '\f'],
		['v', '\v'],
		['0', '\0'],
		['\\', '\\'],
		['e', '\u001B'],
		['a', '\u0007']
	]);

	function unescape(c) {
		const u = c[0] === 'u';
		const bracket = c[1] === '{';

		if ((u && !bracket && c.length === 5) || (c[0] === 'x' && c.length === 3)) {
			return String.fromCharCode(parseInt(c.slice(1), 16));
		}

		if (u && bracket) {
			return String.fromCodePoint(parseInt(c.slice(2, -1), 16));
		}

		return ESCAPES.get(c) || c;
	}

	function parseArguments(name, arguments_) {
		const results = [];
		const chunks = arguments_.trim().split(/\s*,\s*/g);
		let matches;

		for (const chunk of chunks) {
			const number = Number(chunk);
			if (!Number.isNaN(number)) {
				results.push(number);
			} else if ((matches = chunk.match(STRING_REGEX))) {
				results.push(matches[2].replace(ESCAPE_REGEX, (m, escape, character) => escape ? unescape(escape) : character));
			} else {
				throw new Error(`Invalid Chalk template style argument: ${chunk} (in style '${name}')`);
			}
		}

		return results;
	}

	function parseStyle(style) {
		STYLE_REGEX.lastIndex = 0;

		const results = [];
		let matches;

		while ((matches = STYLE_REGEX.exec(style)) !== null) {
			const name = matches[1];

			if (matches[2]) {
				const args = parseArguments(name, matches[2]);
				results.push([name].concat(args));
			} else {
				results.push([name]);
			}
		}

		return results;
	}

	function buildStyle(chalk, styles) {
		const enabled = {};

		for (const layer of styles) {
			for (const style of layer.styles) {
				enabled[style[0]] = layer.inverse ? null : style.slice(1);
			}
		}

		let current = chalk;
		for (const [styleName, styles] of Object.entries(enabled)) {
			if (!Array.isArray(styles)) {
				continue;
			}

			if (!(styleName in current)) {
				throw new Error(`Unknown Chalk style: ${styleName}`);
			}

			current = styles.length > 0 ? current[styleName](...styles) : current[styleName];
		}

		return current;
	}

	templates = (chalk, temporary) => {
		const styles = [];
		const chunks = [];
		let chunk = [];

		// eslint-disable-next-line max-params
		temporary.replace(TEMPLATE_REGEX, (m, escapeCharacter, inverse, style, close, character) => {
			if (escapeCharacter) {
				chunk.push(unescape(escapeCharacter));
			} else if (style) {
				const string = chunk.join('');
				chunk = [];
				chunks.push(styles.length === 0 ? string : buildStyle(chalk, styles)(string));
				styles.push({inverse, styles: parseStyle(style)});
			} else if (close) {
				if (styles.length === 0) {
					throw new Error('Found extraneous } in Chalk template literal');
				}

				chunks.push(buildStyle(chalk, styles)(chunk.join('')));
				chunk = [];
				styles.pop();
			} else {
				chunk.push(character);
			}
		});

		chunks.push(chunk.join(''));

		if (styles.length > 0) {
			const errMessage = `Chalk template literal is missing ${styles.length} closing bracket${styles.length === 1 ? '' : 's'} (\`}\`)`;
			throw new Error(errMessage);
		}

		return chunks.join('');
	};
	return templates;
}

var source;
var hasRequiredSource;

function requireSource () {
	if (hasRequiredSource) return source;
	hasRequiredSource = 1;
	const ansiStyles = requireAnsiStyles();
	const {stdout: stdoutColor, stderr: stderrColor} = requireSupportsColor();
	const {
		stringReplaceAll,
		stringEncaseCRLFWithFirstIndex
	} = requireUtil$1();

	const {isArray} = Array;

	// `supportsColor.level` \u2192 `ansiStyles.color[name]` mapping
	const levelMapping = [
		'ansi',
		'ansi',
		'ansi256',
		'ansi16m'
	];

	const styles = Object.create(null);

	const applyOptions = (object, options = {}) => {
		if (options.level && !(Number.isInteger(options.level) && options.level >= 0 && options.level <= 3)) {
			throw new Error('The `level` option should be an integer from 0 to 3');
		}

		// Detect level if not set manually
		const colorLevel = stdoutColor ? stdoutColor.level : 0;
		object.level = options.level === undefined ? colorLevel : options.level;
	};

	class ChalkClass {
		constructor(options) {
			// eslint-disable-next-line no-constructor-return
			return chalkFactory(options);
		}
	}

	const chalkFactory = options => {
		const chalk = {};
		applyOptions(chalk, options);

		chalk.template = (...arguments_) => chalkTag(chalk.template, ...arguments_);

		Object.setPrototypeOf(chalk, Chalk.prototype);
		Object.setPrototypeOf(chalk.template, chalk);

		chalk.template.constructor = () => {
			throw new Error('`chalk.constructor()` is deprecated. Use `new chalk.Instance()` instead.');
		};

		chalk.template.Instance = ChalkClass;

		return chalk.template;
	};

	function Chalk(options) {
		return chalkFactory(options);
	}

	for (const [styleName, style] of Object.entries(ansiStyles)) {
		styles[styleName] = {
			get() {
				const builder = createBuilder(this, createStyler(style.open, style.close, this._styler), this._isEmpty);
				Object.defineProperty(this, styleName, {value: builder});
				return builder;
			}
		};
	}

	styles.visible = {
		get() {
			const builder = createBuilder(this, this._styler, true);
			Object.defineProperty(this, 'visible', {value: builder});
			return builder;
		}
	};

	const usedModels = ['rgb', 'hex', 'keyword', 'hsl', 'hsv', 'hwb', 'ansi', 'ansi256'];

	for (const model of usedModels) {
		styles[model] = {
			get() {
				const {level} = this;
				return function (...arguments_) {
					const styler = createStyler(ansiStyles.color[levelMapping[level]][model](...arguments_), ansiStyles.color.close, this._styler);
					return createBuilder(this, styler, this._isEmpty);
				};
			}
		};
	}

	for (const model of usedModels) {
		const bgModel = 'bg' + model[0].toUpperCase() + model.slice(1);
		styles[bgModel] = {
			get() {
				const {level} = this;
				return function (...arguments_) {
					const styler = createStyler(ansiStyles.bgColor[levelMapping[level]][model](...arguments_), ansiStyles.bgColor.close, this._styler);
					return createBuilder(this, styler, this._isEmpty);
				};
			}
		};
	}

	const proto = Object.defineProperties(() => {}, {
		...styles,
		level: {
			enumerable: true,
			get() {
				return this._generator.level;
			},
			set(level) {
				this._generator.level = level;
			}
		}
	});

	const createStyler = (open, close, parent) => {
		let openAll;
		let closeAll;
		if (parent === undefined) {
			openAll = open;
			closeAll = close;
		} else {
			openAll = parent.openAll + open;
			closeAll = close + parent.closeAll;
		}

		return {
			open,
			close,
			openAll,
			closeAll,
			parent
		};
	};

	const createBuilder = (self, _styler, _isEmpty) => {
		const builder = (...arguments_) => {
			if (isArray(arguments_[0]) && isArray(arguments_[0].raw)) {
				// Called as a template literal, for example: chalk.red`2 + 3 = {bold ${2+3}}`
				return applyStyle(builder, chalkTag(builder, ...arguments_));
			}

			// Single argument is hot path, implicit coercion is faster than anything
			// eslint-disable-next-line no-implicit-coercion
			return applyStyle(builder, (arguments_.length === 1) ? ('' + arguments_[0]) : arguments_.join(' '));
		};

		// We alter the prototype because we must return a function, but there is
		// no way to create a function with a different prototype
		Object.setPrototypeOf(builder, proto);

		builder._generator = self;
		builder._styler = _styler;
		builder._isEmpty = _isEmpty;

		return builder;
	};

	const applyStyle = (self, string) => {
		if (self.level <= 0 || !string) {
			return self._isEmpty ? '' : string;
		}

		let styler = self._styler;

		if (styler === undefined) {
			return string;
		}

		const {openAll, closeAll} = styler;
		if (string.indexOf('\u001B') !== -1) {
			while (styler !== undefined) {
				// Replace any instances already present with a re-opening code
				// otherwise only the part of the string until said closing code
				// will be colored, and the rest will simply be 'plain'.
				string = stringReplaceAll(string, styler.close, styler.open);

				styler = styler.parent;
			}
		}

		// We can move both next actions out of loop, because remaining actions in loop won't have
		// any/visible effect on parts we add here. Close the styling before a linebreak and reopen
		// after next line to fix a bleed issue on macOS: https://github.com/chalk/chalk/pull/92
		const lfIndex = string.indexOf('\n');
		if (lfIndex !== -1) {
			string = stringEncaseCRLFWithFirstIndex(string, closeAll, openAll, lfIndex);
		}

		return openAll + string + closeAll;
	};

	let template;
	const chalkTag = (chalk, ...strings) => {
		const [firstString] = strings;

		if (!isArray(firstString) || !isArray(firstString.raw)) {
			// If chalk() was called by itself or with a string,
			// return the string itself as a string.
			return strings.join(' ');
		}

		const arguments_ = strings.slice(1);
		const parts = [firstString.raw[0]];

		for (let i = 1; i < firstString.length; i++) {
			parts.push(
				String(arguments_[i - 1]).replace(/[{}\\]/g, '\\$&'),
				String(firstString.raw[i])
			);
		}

		if (template === undefined) {
			template = requireTemplates();
		}

		return template(chalk, parts.join(''));
	};

	Object.defineProperties(Chalk.prototype, styles);

	const chalk = Chalk(); // eslint-disable-line new-cap
	chalk.supportsColor = stdoutColor;
	chalk.stderr = Chalk({level: stderrColor ? stderrColor.level : 0}); // eslint-disable-line new-cap
	chalk.stderr.supportsColor = stderrColor;

	source = chalk;
	return source;
}

var iamIdentityCenter = {};

var fastDeepEqual;
var hasRequiredFastDeepEqual;

function requireFastDeepEqual () {
	if (hasRequiredFastDeepEqual) return fastDeepEqual;
	hasRequiredFastDeepEqual = 1;

	// do not edit .js files directly - edit src/index.jst



	fastDeepEqual = function equal(a, b) {
	  if (a === b) return true;

	  if (a && b && typeof a == 'object' && typeof b == 'object') {
	    if (a.constructor !== b.constructor) return false;

	    var length, i, keys;
	    if (Array.isArray(a)) {
	      length = a.length;
	      if (length != b.length) return false;
	      for (i = length; i-- !== 0;)
	        if (!equal(a[i], b[i])) return false;
	      return true;
	    }



	    if (a.constructor === RegExp) return a.source === b.source && a.flags === b.flags;
	    if (a.valueOf !== Object.prototype.valueOf) return a.valueOf() === b.valueOf();
	    if (a.toString !== Object.prototype.toString) return a.toString() === b.toString();

	    keys = Object.keys(a);
	    length = keys.length;
	    if (length !== Object.keys(b).length) return false;

	    for (i = length; i-- !== 0;)
	      if (!Object.prototype.hasOwnProperty.call(b, keys[i])) return false;

	    for (i = length; i-- !== 0;) {
	      var key = keys[i];

	      if (!equal(a[key], b[key])) return false;
	    }

	    return true;
	  }

	  // true if both NaN, false otherwise
	  return a!==a && b!==b;
	};
	return fastDeepEqual;
}

var hasRequiredIamIdentityCenter;

function requireIamIdentityCenter () {
	if (hasRequiredIamIdentityCenter) return iamIdentityCenter;
	hasRequiredIamIdentityCenter = 1;
	Object.defineProperty(iamIdentityCenter, "__esModule", { value: true });
	iamIdentityCenter.SsoInstanceACAConfig = iamIdentityCenter.SsoAssignment = iamIdentityCenter.SsoPermissionSet = void 0;
	// namespace object imports won't work in the bundle for function exports
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const deepEqual = requireFastDeepEqual();
	class SsoPermissionSet {
	    name;
	    cfnLogicalId;
	    ssoInstanceArn;
	    ssoPermissionsBoundary;
	    ssoCustomerManagedPolicyReferences;
	    constructor(props) {
	        this.cfnLogicalId = props.cfnLogicalId;
	        this.name = props.name;
	        this.ssoInstanceArn = props.ssoInstanceArn;
	        this.ssoPermissionsBoundary = props.ssoPermissionsBoundary;
	        this.ssoCustomerManagedPolicyReferences = props.ssoCustomerManagedPolicyReferences;
	    }
	    equal(other) {
	        return deepEqual(this, other);
	    }
	}
	iamIdentityCenter.SsoPermissionSet = SsoPermissionSet;
	class SsoAssignment {
	    cfnLogicalId;
	    ssoInstanceArn;
	    permissionSetArn;
	    principalId;
	    principalType;
	    targetId;
	    targetType;
	    constructor(props) {
	        this.cfnLogicalId = props.cfnLogicalId;
	        this.ssoInstanceArn = props.ssoInstanceArn;
	        this.permissionSetArn = props.permissionSetArn;
	        this.principalId = props.principalId;
	        this.principalType = props.principalType;
	        this.targetId = props.targetId;
	        this.targetType = props.targetType;
	    }
	    equal(other) {
	        return deepEqual(this, other);
	    }
	}
	iamIdentityCenter.SsoAssignment = SsoAssignment;
	class SsoInstanceACAConfig {
	    cfnLogicalId;
	    ssoInstanceArn;
	    accessControlAttributes;
	    constructor(props) {
	        this.cfnLogicalId = props.cfnLogicalId;
	        this.ssoInstanceArn = props.ssoInstanceArn;
	        this.accessControlAttributes = props.accessControlAttributes;
	    }
	    equal(other) {
	        return deepEqual(this, other);
	    }
	}
	iamIdentityCenter.SsoInstanceACAConfig = SsoInstanceACAConfig;
	
	return iamIdentityCenter;
}

var managedPolicy = {};

var maybeParsed = {};

var hasRequiredMaybeParsed;

function requireMaybeParsed () {
	if (hasRequiredMaybeParsed) return maybeParsed;
	hasRequiredMaybeParsed = 1;
	Object.defineProperty(maybeParsed, "__esModule", { value: true });
	maybeParsed.mkParsed = mkParsed;
	maybeParsed.mkUnparseable = mkUnparseable;
	function mkParsed(value) {
	    return { type: 'parsed', value };
	}
	function mkUnparseable(value) {
	    return {
	        type: 'unparseable',
	        repr: typeof value === 'string' ? value : JSON.stringify(value),
	    };
	}
	
	return maybeParsed;
}

var hasRequiredManagedPolicy;

function requireManagedPolicy () {
	if (hasRequiredManagedPolicy) return managedPolicy;
	hasRequiredManagedPolicy = 1;
	Object.defineProperty(managedPolicy, "__esModule", { value: true });
	managedPolicy.ManagedPolicyAttachment = void 0;
	const maybe_parsed_1 = requireMaybeParsed();
	class ManagedPolicyAttachment {
	    identityArn;
	    managedPolicyArn;
	    static parseManagedPolicies(identityArn, arns) {
	        return typeof arns === 'string'
	            ? [new ManagedPolicyAttachment(identityArn, arns)]
	            : arns.map((arn) => new ManagedPolicyAttachment(identityArn, arn));
	    }
	    constructor(identityArn, managedPolicyArn) {
	        this.identityArn = identityArn;
	        this.managedPolicyArn = managedPolicyArn;
	    }
	    equal(other) {
	        return this.identityArn === other.identityArn
	            && this.managedPolicyArn === other.managedPolicyArn;
	    }
	    /**
	     * Return a machine-readable version of the changes.
	     * This is only used in tests.
	     *
	     * @internal
	     */
	    _toJson() {
	        return (0, maybe_parsed_1.mkParsed)({
	            identityArn: this.identityArn,
	            managedPolicyArn: this.managedPolicyArn,
	        });
	    }
	}
	managedPolicy.ManagedPolicyAttachment = ManagedPolicyAttachment;
	
	return managedPolicy;
}

var statement = {};

var util = {};

var hasRequiredUtil;

function requireUtil () {
	if (hasRequiredUtil) return util;
	hasRequiredUtil = 1;
	Object.defineProperty(util, "__esModule", { value: true });
	util.makeComparator = makeComparator;
	util.dropIfEmpty = dropIfEmpty;
	util.deepRemoveUndefined = deepRemoveUndefined;
	util.flatMap = flatMap;
	/**
	 * Turn a (multi-key) extraction function into a comparator for use in Array.sort()
	 */
	function makeComparator(keyFn) {
	    return (a, b) => {
	        const keyA = keyFn(a);
	        const keyB = keyFn(b);
	        const len = Math.min(keyA.length, keyB.length);
	        for (let i = 0; i < len; i++) {
	            const c = compare(keyA[i], keyB[i]);
	            if (c !== 0) {
	                return c;
	            }
	        }
	        // Arrays are the same up to the min length -- shorter array sorts first
	        return keyA.length - keyB.length;
	    };
	}
	function compare(a, b) {
	    if (a < b) {
	        return -1;
	    }
	    if (b < a) {
	        return 1;
	    }
	    return 0;
	}
	function dropIfEmpty(xs) {
	    return xs.length > 0 ? xs : undefined;
	}
	function deepRemoveUndefined(x) {
	    if (typeof x === undefined || x === null) {
	        return x;
	    }
	    if (Array.isArray(x)) {
	        return x.map(deepRemoveUndefined);
	    }
	    if (typeof x === 'object') {
	        for (const [key, value] of Object.entries(x)) {
	            x[key] = deepRemoveUndefined(value);
	            if (x[key] === undefined) {
	                delete x[key];
	            }
	        }
	        return x;
	    }
	    return x;
	}
	function flatMap(xs, f) {
	    const ret = new Array();
	    for (const x of xs) {
	        ret.push(...f(x));
	    }
	    return ret;
	}
	
	return util;
}

var hasRequiredStatement;

function requireStatement () {
	if (hasRequiredStatement) return statement;
	hasRequiredStatement = 1;
	Object.defineProperty(statement, "__esModule", { value: true });
	statement.Effect = statement.Targets = statement.Statement = void 0;
	statement.parseStatements = parseStatements;
	statement.parseLambdaPermission = parseLambdaPermission;
	statement.renderCondition = renderCondition;
	const maybe_parsed_1 = requireMaybeParsed();
	const util_1 = requireUtil();
	// namespace object imports won't work in the bundle for function exports
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const deepEqual = requireFastDeepEqual();
	class Statement {
	    /**
	     * Statement ID
	     */
	    sid;
	    /**
	     * Statement effect
	     */
	    effect;
	    /**
	     * Resources
	     */
	    resources;
	    /**
	     * Principals
	     */
	    principals;
	    /**
	     * Actions
	     */
	    actions;
	    /**
	     * Object with conditions
	     */
	    condition;
	    serializedIntrinsic;
	    constructor(statement) {
	        if (typeof statement === 'string') {
	            this.sid = undefined;
	            this.effect = Effect.Unknown;
	            this.resources = new Targets({}, '', '');
	            this.actions = new Targets({}, '', '');
	            this.principals = new Targets({}, '', '');
	            this.condition = undefined;
	            this.serializedIntrinsic = statement;
	        }
	        else {
	            this.sid = expectString(statement.Sid);
	            this.effect = expectEffect(statement.Effect);
	            this.resources = new Targets(statement, 'Resource', 'NotResource');
	            this.actions = new Targets(statement, 'Action', 'NotAction');
	            this.principals = new Targets(statement, 'Principal', 'NotPrincipal');
	            this.condition = statement.Condition;
	            this.serializedIntrinsic = undefined;
	        }
	    }
	    /**
	     * Whether this statement is equal to the other statement
	     */
	    equal(other) {
	        return (this.sid === other.sid
	            && this.effect === other.effect
	            && this.serializedIntrinsic === other.serializedIntrinsic
	            && this.resources.equal(other.resources)
	            && this.actions.equal(other.actions)
	            && this.principals.equal(other.principals)
	            && deepEqual(this.condition, other.condition));
	    }
	    render() {
	        return this.serializedIntrinsic
	            ? {
	                resource: this.serializedIntrinsic,
	                effect: '',
	                action: '',
	                principal: this.principals.render(), // these will be replaced by the call to replaceEmpty() from IamChanges
	                condition: '',
	            }
	            : {
	                resource: this.resources.render(),
	                effect: this.effect,
	                action: this.actions.render(),
	                principal: this.principals.render(),
	                condition: renderCondition(this.condition),
	            };
	    }
	    /**
	     * Return a machine-readable version of the changes.
	     * This is only used in tests.
	     *
	     * @internal
	     */
	    _toJson() {
	        return this.serializedIntrinsic
	            ? (0, maybe_parsed_1.mkUnparseable)(this.serializedIntrinsic)
	            : (0, maybe_parsed_1.mkParsed)((0, util_1.deepRemoveUndefined)({
	                sid: this.sid,
	                effect: this.effect,
	                resources: this.resources._toJson(),
	                principals: this.principals._toJson(),
	                actions: this.actions._toJson(),
	                condition: this.condition,
	            }));
	    }
	    /**
	     * Whether this is a negative statement
	     *
	     * A statement is negative if any of its targets are negative, inverted
	     * if the Effect is Deny.
	     */
	    get isNegativeStatement() {
	        const notTarget = this.actions.not || this.principals.not || this.resources.not;
	        return this.effect === Effect.Allow ? notTarget : !notTarget;
	    }
	}
	statement.Statement = Statement;
	/**
	 * Parse a list of statements from undefined, a Statement, or a list of statements
	 */
	function parseStatements(x) {
	    if (x === undefined) {
	        x = [];
	    }
	    if (!Array.isArray(x)) {
	        x = [x];
	    }
	    return x.map((s) => new Statement(s));
	}
	/**
	 * Parse a Statement from a Lambda::Permission object
	 *
	 * This is actually what Lambda adds to the policy document if you call AddPermission.
	 */
	function parseLambdaPermission(x) {
	    // Construct a statement from
	    const statement = {
	        Effect: 'Allow',
	        Action: x.Action,
	        Resource: x.FunctionName,
	    };
	    if (x.Principal !== undefined) {
	        if (x.Principal === '*') {
	            // *
	            statement.Principal = '*';
	        }
	        else if (/^\d{12}$/.test(x.Principal)) {
	            // Account number
	            // eslint-disable-next-line @cdklabs/no-literal-partition
	            statement.Principal = { AWS: `arn:aws:iam::${x.Principal}:root` };
	        }
	        else {
	            // Assume it's a service principal
	            // We might get this wrong vs. the previous one for tokens. Nothing to be done
	            // about that. It's only for human readable consumption after all.
	            statement.Principal = { Service: x.Principal };
	        }
	    }
	    if (x.SourceArn !== undefined) {
	        if (statement.Condition === undefined) {
	            statement.Condition = {};
	        }
	        statement.Condition.ArnLike = { 'AWS:SourceArn': x.SourceArn };
	    }
	    if (x.SourceAccount !== undefined) {
	        if (statement.Condition === undefined) {
	            statement.Condition = {};
	        }
	        statement.Condition.StringEquals = { 'AWS:SourceAccount': x.SourceAccount };
	    }
	    if (x.EventSourceToken !== undefined) {
	        if (statement.Condition === undefined) {
	            statement.Condition = {};
	        }
	        statement.Condition.StringEquals = { 'lambda:EventSourceToken': x.EventSourceToken };
	    }
	    return new Statement(statement);
	}
	/**
	 * Targets for a field
	 */
	class Targets {
	    /**
	     * The values of the targets
	     */
	    values;
	    /**
	     * Whether positive or negative matchers
	     */
	    not;
	    constructor(statement, positiveKey, negativeKey) {
	        if (negativeKey in statement) {
	            this.values = forceListOfStrings(statement[negativeKey]);
	            this.not = true;
	        }
	        else {
	            this.values = forceListOfStrings(statement[positiveKey]);
	            this.not = false;
	        }
	        this.values.sort();
	    }
	    get empty() {
	        return this.values.length === 0;
	    }
	    /**
	     * Whether this set of targets is equal to the other set of targets
	     */
	    equal(other) {
	        return this.not === other.not && deepEqual(this.values.sort(), other.values.sort());
	    }
	    /**
	     * If the current value set is empty, put this in it
	     */
	    replaceEmpty(replacement) {
	        if (this.empty) {
	            this.values.push(replacement);
	        }
	    }
	    /**
	     * If the actions contains a '*', replace with this string.
	     */
	    replaceStar(replacement) {
	        for (let i = 0; i < this.values.length; i++) {
	            if (this.values[i] === '*') {
	                this.values[i] = replacement;
	            }
	        }
	        this.values.sort();
	    }
	    /**
	     * Render into a summary table cell
	     */
	    render() {
	        return this.not
	            ? this.values.map(s => `NOT ${s}`).join('\n')
	            : this.values.join('\n');
	    }
	    /**
	     * Return a machine-readable version of the changes.
	     * This is only used in tests.
	     *
	     * @internal
	     */
	    _toJson() {
	        return { not: this.not, values: this.values };
	    }
	}
	statement.Targets = Targets;
	var Effect;
	(function (Effect) {
	    Effect["Unknown"] = "Unknown";
	    Effect["Allow"] = "Allow";
	    Effect["Deny"] = "Deny";
	})(Effect || (statement.Effect = Effect = {}));
	function expectString(x) {
	    return typeof x === 'string' ? x : undefined;
	}
	function expectEffect(x) {
	    if (x === Effect.Allow || x === Effect.Deny) {
	        return x;
	    }
	    return Effect.Unknown;
	}
	function forceListOfStrings(x) {
	    if (typeof x === 'string') {
	        return [x];
	    }
	    if (typeof x === 'undefined' || x === null) {
	        return [];
	    }
	    if (Array.isArray(x)) {
	        return x.map(e => forceListOfStrings(e).join(','));
	    }
	    if (typeof x === 'object' && x !== null) {
	        const ret = [];
	        for (const [key, value] of Object.entries(x)) {
	            ret.push(...forceListOfStrings(value).map(s => `${key}:${s}`));
	        }
	        return ret;
	    }
	    return [`${x}`];
	}
	/**
	 * Render the Condition column
	 */
	function renderCondition(condition) {
	    if (!condition || Object.keys(condition).length === 0) {
	        return '';
	    }
	    const jsonRepresentation = JSON.stringify(condition, undefined, 2);
	    // The JSON representation looks like this:
	    //
	    //  {
	    //    "ArnLike": {
	    //      "AWS:SourceArn": "${MyTopic86869434}"
	    //    }
	    //  }
	    //
	    // We can make it more compact without losing information by getting rid of the outermost braces
	    // and the indentation.
	    const lines = jsonRepresentation.split('\n');
	    return lines.slice(1, lines.length - 1).map(s => s.slice(2)).join('\n');
	}
	
	return statement;
}

var diffable = {};

var hasRequiredDiffable;

function requireDiffable () {
	if (hasRequiredDiffable) return diffable;
	hasRequiredDiffable = 1;
	Object.defineProperty(diffable, "__esModule", { value: true });
	diffable.DiffableCollection = void 0;
	/**
	 * Calculate differences of immutable elements
	 */
	class DiffableCollection {
	    additions = [];
	    removals = [];
	    oldElements = [];
	    newElements = [];
	    addOld(...elements) {
	        this.oldElements.push(...elements);
	    }
	    addNew(...elements) {
	        this.newElements.push(...elements);
	    }
	    calculateDiff() {
	        this.additions.push(...difference(this.newElements, this.oldElements));
	        this.removals.push(...difference(this.oldElements, this.newElements));
	    }
	    get hasChanges() {
	        return this.additions.length + this.removals.length > 0;
	    }
	    get hasAdditions() {
	        return this.additions.length > 0;
	    }
	    get hasRemovals() {
	        return this.removals.length > 0;
	    }
	}
	diffable.DiffableCollection = DiffableCollection;
	/**
	 * Whether a collection contains some element (by value)
	 */
	function contains(element, xs) {
	    return xs.some(x => x.equal(element));
	}
	/**
	 * Return collection except for elements
	 */
	function difference(collection, elements) {
	    return collection.filter(x => !contains(x, elements));
	}
	
	return diffable;
}

var renderIntrinsics = {};

var hasRequiredRenderIntrinsics;

function requireRenderIntrinsics () {
	if (hasRequiredRenderIntrinsics) return renderIntrinsics;
	hasRequiredRenderIntrinsics = 1;
	Object.defineProperty(renderIntrinsics, "__esModule", { value: true });
	renderIntrinsics.renderIntrinsics = renderIntrinsics$1;
	/**
	 * Turn CloudFormation intrinsics into strings
	 *
	 * ------
	 *
	 * This stringification is not intended to be mechanically reversible! It's intended
	 * to be understood by humans!
	 *
	 * ------
	 *
	 * Turns Fn::GetAtt and Fn::Ref objects into the same strings that can be
	 * parsed by Fn::Sub, but without the surrounding intrinsics.
	 *
	 * Evaluates Fn::Join directly if the second argument is a literal list of strings.
	 *
	 * Removes list and object values evaluating to { Ref: 'AWS::NoValue' }.
	 *
	 * For other intrinsics we choose a string representation that CloudFormation
	 * cannot actually parse, but is comprehensible to humans.
	 */
	function renderIntrinsics$1(x) {
	    if (Array.isArray(x)) {
	        return x.filter(el => !isNoValue(el)).map(renderIntrinsics$1);
	    }
	    if (isNoValue(x)) {
	        return undefined;
	    }
	    const intrinsic = getIntrinsic(x);
	    if (intrinsic) {
	        if (intrinsic.fn === 'Ref') {
	            return '${' + intrinsic.args + '}';
	        }
	        if (intrinsic.fn === 'Fn::GetAtt') {
	            return '${' + intrinsic.args[0] + '.' + intrinsic.args[1] + '}';
	        }
	        if (intrinsic.fn === 'Fn::Join') {
	            return unCloudFormationFnJoin(intrinsic.args[0], intrinsic.args[1]);
	        }
	        return stringifyIntrinsic(intrinsic.fn, intrinsic.args);
	    }
	    if (typeof x === 'object' && x !== null) {
	        const ret = {};
	        for (const [key, value] of Object.entries(x)) {
	            if (!isNoValue(value)) {
	                ret[key] = renderIntrinsics$1(value);
	            }
	        }
	        return ret;
	    }
	    return x;
	}
	function unCloudFormationFnJoin(separator, args) {
	    if (Array.isArray(args)) {
	        return args.filter(el => !isNoValue(el)).map(renderIntrinsics$1).join(separator);
	    }
	    return stringifyIntrinsic('Fn::Join', [separator, args]);
	}
	function stringifyIntrinsic(fn, args) {
	    return JSON.stringify({ [fn]: renderIntrinsics$1(args) });
	}
	function getIntrinsic(x) {
	    if (x === undefined || x === null || Array.isArray(x)) {
	        return undefined;
	    }
	    if (typeof x !== 'object') {
	        return undefined;
	    }
	    const keys = Object.keys(x);
	    return keys.length === 1 && (keys[0] === 'Ref' || keys[0].startsWith('Fn::')) ? { fn: keys[0], args: x[keys[0]] } : undefined;
	}
	function isNoValue(x) {
	    const int = getIntrinsic(x);
	    return int && int.fn === 'Ref' && int.args === 'AWS::NoValue';
	}
	
	return renderIntrinsics;
}

var hasRequiredIamChanges;

function requireIamChanges () {
	if (hasRequiredIamChanges) return iamChanges;
	hasRequiredIamChanges = 1;
	var __importDefault = (iamChanges && iamChanges.__importDefault) || function (mod) {
	    return (mod && mod.__esModule) ? mod : { "default": mod };
	};
	Object.defineProperty(iamChanges, "__esModule", { value: true });
	iamChanges.IamChanges = void 0;
	const service_spec_types_1 = requireLib$2();
	const chalk_1 = __importDefault(requireSource());
	const iam_identity_center_1 = requireIamIdentityCenter();
	const managed_policy_1 = requireManagedPolicy();
	const statement_1 = requireStatement();
	const diffable_1 = requireDiffable();
	const render_intrinsics_1 = requireRenderIntrinsics();
	const util_1 = requireUtil();
	/**
	 * Changes to IAM statements and IAM identity center
	 */
	class IamChanges {
	    static IamPropertyScrutinies = [
	        service_spec_types_1.PropertyScrutinyType.InlineIdentityPolicies,
	        service_spec_types_1.PropertyScrutinyType.InlineResourcePolicy,
	        service_spec_types_1.PropertyScrutinyType.ManagedPolicies,
	    ];
	    static IamResourceScrutinies = [
	        service_spec_types_1.ResourceScrutinyType.ResourcePolicyResource,
	        service_spec_types_1.ResourceScrutinyType.IdentityPolicyResource,
	        service_spec_types_1.ResourceScrutinyType.LambdaPermission,
	        service_spec_types_1.ResourceScrutinyType.SsoAssignmentResource,
	        service_spec_types_1.ResourceScrutinyType.SsoInstanceACAConfigResource,
	        service_spec_types_1.ResourceScrutinyType.SsoPermissionSet,
	    ];
	    // each entry in a DiffableCollection is used to generate a single row of the security changes table that is presented for cdk diff and cdk deploy.
	    statements = new diffable_1.DiffableCollection();
	    managedPolicies = new diffable_1.DiffableCollection();
	    ssoPermissionSets = new diffable_1.DiffableCollection();
	    ssoAssignments = new diffable_1.DiffableCollection();
	    ssoInstanceACAConfigs = new diffable_1.DiffableCollection();
	    constructor(props) {
	        for (const propertyChange of props.propertyChanges) {
	            this.readPropertyChange(propertyChange);
	        }
	        for (const resourceChange of props.resourceChanges) {
	            this.readResourceChange(resourceChange);
	        }
	        this.statements.calculateDiff();
	        this.managedPolicies.calculateDiff();
	        this.ssoPermissionSets.calculateDiff();
	        this.ssoAssignments.calculateDiff();
	        this.ssoInstanceACAConfigs.calculateDiff();
	    }
	    get hasChanges() {
	        return (this.statements.hasChanges
	            || this.managedPolicies.hasChanges
	            || this.ssoPermissionSets.hasChanges
	            || this.ssoAssignments.hasChanges
	            || this.ssoInstanceACAConfigs.hasChanges);
	    }
	    /**
	     * Return whether the changes include broadened permissions
	     *
	     * Permissions are broadened if positive statements are added or
	     * negative statements are removed, or if managed policies are added.
	     */
	    get permissionsBroadened() {
	        return this.statements.additions.some(s => !s.isNegativeStatement)
	            || this.statements.removals.some(s => s.isNegativeStatement)
	            || this.managedPolicies.hasAdditions
	            || this.ssoPermissionSets.hasAdditions
	            || this.ssoAssignments.hasAdditions
	            || this.ssoInstanceACAConfigs.hasAdditions;
	    }
	    /**
	     * Return a summary table of changes
	     */
	    summarizeStatements() {
	        const ret = [];
	        const header = ['', 'Resource', 'Effect', 'Action', 'Principal', 'Condition'];
	        // First generate all lines, then sort on Resource so that similar resources are together
	        for (const statement of this.statements.additions) {
	            const renderedStatement = statement.render();
	            ret.push([
	                '+',
	                renderedStatement.resource,
	                renderedStatement.effect,
	                renderedStatement.action,
	                renderedStatement.principal,
	                renderedStatement.condition,
	            ].map(s => chalk_1.default.green(s)));
	        }
	        for (const statement of this.statements.removals) {
	            const renderedStatement = statement.render();
	            ret.push([
	                '-',
	                renderedStatement.resource,
	                renderedStatement.effect,
	                renderedStatement.action,
	                renderedStatement.principal,
	                renderedStatement.condition,
	            ].map(s => chalk_1.default.red(s)));
	        }
	        // Sort by 2nd column
	        ret.sort((0, util_1.makeComparator)((row) => [row[1]]));
	        ret.splice(0, 0, header);
	        return ret;
	    }
	    summarizeManagedPolicies() {
	        const ret = [];
	        const header = ['', 'Resource', 'Managed Policy ARN'];
	        for (const att of this.managedPolicies.additions) {
	            ret.push([
	                '+',
	                att.identityArn,
	                att.managedPolicyArn,
	            ].map(s => chalk_1.default.green(s)));
	        }
	        for (const att of this.managedPolicies.removals) {
	            ret.push([
	                '-',
	                att.identityArn,
	                att.managedPolicyArn,
	            ].map(s => chalk_1.default.red(s)));
	        }
	        // Sort by 2nd column
	        ret.sort((0, util_1.makeComparator)((row) => [row[1]]));
	        ret.splice(0, 0, header);
	        return ret;
	    }
	    summarizeSsoAssignments() {
	        const ret = [];
	        const header = ['', 'Resource', 'InstanceArn', 'PermissionSetArn', 'PrincipalId', 'PrincipalType', 'TargetId', 'TargetType'];
	        for (const att of this.ssoAssignments.additions) {
	            ret.push([
	                '+',
	                att.cfnLogicalId || '',
	                att.ssoInstanceArn || '',
	                att.permissionSetArn || '',
	                att.principalId || '',
	                att.principalType || '',
	                att.targetId || '',
	                att.targetType || '',
	            ].map(s => chalk_1.default.green(s)));
	        }
	        for (const att of this.ssoAssignments.removals) {
	            ret.push([
	                '-',
	                att.cfnLogicalId || '',
	                att.ssoInstanceArn || '',
	                att.permissionSetArn || '',
	                att.principalId || '',
	                att.principalType || '',
	                att.targetId || '',
	                att.targetType || '',
	            ].map(s => chalk_1.default.red(s)));
	        }
	        // Sort by resource name to ensure a unique value is used for sorting
	        ret.sort((0, util_1.makeComparator)((row) => [row[1]]));
	        ret.splice(0, 0, header);
	        return ret;
	    }
	    summarizeSsoInstanceACAConfigs() {
	        const ret = [];
	        const header = ['', 'Resource', 'InstanceArn', 'AccessControlAttributes'];
	        function formatAccessControlAttribute(aca) {
	            return `Key: ${aca?.Key}, Values: [${aca?.Value?.Source.join(', ')}]`;
	        }
	        for (const att of this.ssoInstanceACAConfigs.additions) {
	            ret.push([
	                '+',
	                att.cfnLogicalId || '',
	                att.ssoInstanceArn || '',
	                att.accessControlAttributes?.map(formatAccessControlAttribute).join('\n') || '',
	            ].map(s => chalk_1.default.green(s)));
	        }
	        for (const att of this.ssoInstanceACAConfigs.removals) {
	            ret.push([
	                '-',
	                att.cfnLogicalId || '',
	                att.ssoInstanceArn || '',
	                att.accessControlAttributes?.map(formatAccessControlAttribute).join('\n') || '',
	            ].map(s => chalk_1.default.red(s)));
	        }
	        // Sort by resource name to ensure a unique value is used for sorting
	        ret.sort((0, util_1.makeComparator)((row) => [row[1]]));
	        ret.splice(0, 0, header);
	        return ret;
	    }
	    summarizeSsoPermissionSets() {
	        const ret = [];
	        const header = ['', 'Resource', 'InstanceArn', 'PermissionSet name', 'PermissionsBoundary', 'CustomerManagedPolicyReferences'];
	        function formatManagedPolicyRef(s) {
	            return `Name: ${s?.Name || ''}, Path: ${s?.Path || ''}`;
	        }
	        function formatSsoPermissionsBoundary(ssoPb) {
	            // ManagedPolicyArn OR CustomerManagedPolicyReference can be specified -- but not both.
	            if (ssoPb?.ManagedPolicyArn !== undefined) {
	                return `ManagedPolicyArn: ${ssoPb?.ManagedPolicyArn || ''}`;
	            }
	            else if (ssoPb?.CustomerManagedPolicyReference !== undefined) {
	                return `CustomerManagedPolicyReference: {\n  ${formatManagedPolicyRef(ssoPb?.CustomerManagedPolicyReference)}\n}`;
	            }
	            else {
	                return '';
	            }
	        }
	        for (const att of this.ssoPermissionSets.additions) {
	            ret.push([
	                '+',
	                att.cfnLogicalId || '',
	                att.ssoInstanceArn || '',
	                att.name || '',
	                formatSsoPermissionsBoundary(att.ssoPermissionsBoundary),
	                att.ssoCustomerManagedPolicyReferences?.map(formatManagedPolicyRef).join('\n') || '',
	            ].map(s => chalk_1.default.green(s)));
	        }
	        for (const att of this.ssoPermissionSets.removals) {
	            ret.push([
	                '-',
	                att.cfnLogicalId || '',
	                att.ssoInstanceArn || '',
	                att.name || '',
	                formatSsoPermissionsBoundary(att.ssoPermissionsBoundary),
	                att.ssoCustomerManagedPolicyReferences?.map(formatManagedPolicyRef).join('\n') || '',
	            ].map(s => chalk_1.default.red(s)));
	        }
	        // Sort by resource name to ensure a unique value is used for sorting
	        ret.sort((0, util_1.makeComparator)((row) => [row[1]]));
	        ret.splice(0, 0, header);
	        return ret;
	    }
	    /**
	     * Return a machine-readable version of the changes.
	     * This is only used in tests.
	     *
	     * @internal
	     */
	    _toJson() {
	        return (0, util_1.deepRemoveUndefined)({
	            statementAdditions: (0, util_1.dropIfEmpty)(this.statements.additions.map(s => s._toJson())),
	            statementRemovals: (0, util_1.dropIfEmpty)(this.statements.removals.map(s => s._toJson())),
	            managedPolicyAdditions: (0, util_1.dropIfEmpty)(this.managedPolicies.additions.map(s => s._toJson())),
	            managedPolicyRemovals: (0, util_1.dropIfEmpty)(this.managedPolicies.removals.map(s => s._toJson())),
	        });
	    }
	    readPropertyChange(propertyChange) {
	        switch (propertyChange.scrutinyType) {
	            case service_spec_types_1.PropertyScrutinyType.InlineIdentityPolicies:
	                // AWS::IAM::{ Role | User | Group }.Policies
	                this.statements.addOld(...this.readIdentityPolicies(propertyChange.oldValue, propertyChange.resourceLogicalId));
	                this.statements.addNew(...this.readIdentityPolicies(propertyChange.newValue, propertyChange.resourceLogicalId));
	                break;
	            case service_spec_types_1.PropertyScrutinyType.InlineResourcePolicy:
	                // Any PolicyDocument on a resource (including AssumeRolePolicyDocument)
	                // Special-case AWS::SSO::PermissionSet as a pseudo-principal in the IAM statement changes output.
	                if (propertyChange.resourceType === 'AWS::SSO::PermissionSet') {
	                    this.statements.addOld(...this.readPermissionSetInlinePolicy(propertyChange.oldValue, propertyChange.resourceLogicalId));
	                    this.statements.addNew(...this.readPermissionSetInlinePolicy(propertyChange.newValue, propertyChange.resourceLogicalId));
	                }
	                else {
	                    // Existing behaviour for all other resources
	                    this.statements.addOld(...this.readResourceStatements(propertyChange.oldValue, propertyChange.resourceLogicalId));
	                    this.statements.addNew(...this.readResourceStatements(propertyChange.newValue, propertyChange.resourceLogicalId));
	                }
	                break;
	            case service_spec_types_1.PropertyScrutinyType.ManagedPolicies:
	                // Just a list of managed policies
	                this.managedPolicies.addOld(...this.readManagedPolicies(propertyChange.oldValue, propertyChange.resourceLogicalId));
	                this.managedPolicies.addNew(...this.readManagedPolicies(propertyChange.newValue, propertyChange.resourceLogicalId));
	                break;
	        }
	    }
	    readResourceChange(resourceChange) {
	        switch (resourceChange.scrutinyType) {
	            case service_spec_types_1.ResourceScrutinyType.IdentityPolicyResource:
	                // AWS::IAM::Policy
	                this.statements.addOld(...this.readIdentityPolicyResource(resourceChange.oldProperties));
	                this.statements.addNew(...this.readIdentityPolicyResource(resourceChange.newProperties));
	                break;
	            case service_spec_types_1.ResourceScrutinyType.ResourcePolicyResource:
	                // AWS::*::{Bucket,Queue,Topic}Policy
	                this.statements.addOld(...this.readResourcePolicyResource(resourceChange.oldProperties));
	                this.statements.addNew(...this.readResourcePolicyResource(resourceChange.newProperties));
	                break;
	            case service_spec_types_1.ResourceScrutinyType.LambdaPermission:
	                this.statements.addOld(...this.readLambdaStatements(resourceChange.oldProperties));
	                this.statements.addNew(...this.readLambdaStatements(resourceChange.newProperties));
	                break;
	            case service_spec_types_1.ResourceScrutinyType.SsoPermissionSet:
	                this.ssoPermissionSets.addOld(...this.readSsoPermissionSet(resourceChange.oldProperties, resourceChange.resourceLogicalId));
	                this.ssoPermissionSets.addNew(...this.readSsoPermissionSet(resourceChange.newProperties, resourceChange.resourceLogicalId));
	                break;
	            case service_spec_types_1.ResourceScrutinyType.SsoAssignmentResource:
	                this.ssoAssignments.addOld(...this.readSsoAssignments(resourceChange.oldProperties, resourceChange.resourceLogicalId));
	                this.ssoAssignments.addNew(...this.readSsoAssignments(resourceChange.newProperties, resourceChange.resourceLogicalId));
	                break;
	            case service_spec_types_1.ResourceScrutinyType.SsoInstanceACAConfigResource:
	                this.ssoInstanceACAConfigs.addOld(...this.readSsoInstanceACAConfigs(resourceChange.oldProperties, resourceChange.resourceLogicalId));
	                this.ssoInstanceACAConfigs.addNew(...this.readSsoInstanceACAConfigs(resourceChange.newProperties, resourceChange.resourceLogicalId));
	                break;
	        }
	    }
	    /**
	     * Parse a list of policies on an identity
	     */
	    readIdentityPolicies(policies, logicalId) {
	        if (policies === undefined || !Array.isArray(policies)) {
	            return [];
	        }
	        const appliesToPrincipal = 'AWS:${' + logicalId + '}';
	        return (0, util_1.flatMap)(policies, (policy) => {
	            // check if the Policy itself is not an intrinsic, like an Fn::If
	            const unparsedStatement = policy.PolicyDocument?.Statement
	                ? policy.PolicyDocument.Statement
	                : policy;
	            return defaultPrincipal(appliesToPrincipal, (0, statement_1.parseStatements)((0, render_intrinsics_1.renderIntrinsics)(unparsedStatement)));
	        });
	    }
	    /**
	     * Parse an IAM::Policy resource
	     */
	    readIdentityPolicyResource(properties) {
	        if (properties === undefined) {
	            return [];
	        }
	        properties = (0, render_intrinsics_1.renderIntrinsics)(properties);
	        const principals = (properties.Groups || []).concat(properties.Users || []).concat(properties.Roles || []);
	        return (0, util_1.flatMap)(principals, (principal) => {
	            const ref = 'AWS:' + principal;
	            return defaultPrincipal(ref, (0, statement_1.parseStatements)(properties.PolicyDocument.Statement));
	        });
	    }
	    readSsoInstanceACAConfigs(properties, logicalId) {
	        if (properties === undefined) {
	            return [];
	        }
	        properties = (0, render_intrinsics_1.renderIntrinsics)(properties);
	        return [new iam_identity_center_1.SsoInstanceACAConfig({
	                cfnLogicalId: '${' + logicalId + '}',
	                ssoInstanceArn: properties.InstanceArn,
	                accessControlAttributes: properties.AccessControlAttributes,
	            })];
	    }
	    readSsoAssignments(properties, logicalId) {
	        if (properties === undefined) {
	            return [];
	        }
	        properties = (0, render_intrinsics_1.renderIntrinsics)(properties);
	        return [new iam_identity_center_1.SsoAssignment({
	                cfnLogicalId: '${' + logicalId + '}',
	                ssoInstanceArn: properties.InstanceArn,
	                permissionSetArn: properties.PermissionSetArn,
	                principalId: properties.PrincipalId,
	                principalType: properties.PrincipalType,
	                targetId: properties.TargetId,
	                targetType: properties.TargetType,
	            })];
	    }
	    readSsoPermissionSet(properties, logicalId) {
	        if (properties === undefined) {
	            return [];
	        }
	        properties = (0, render_intrinsics_1.renderIntrinsics)(properties);
	        return [new iam_identity_center_1.SsoPermissionSet({
	                cfnLogicalId: '${' + logicalId + '}',
	                name: properties.Name,
	                ssoInstanceArn: properties.InstanceArn,
	                ssoCustomerManagedPolicyReferences: properties.CustomerManagedPolicyReferences,
	                ssoPermissionsBoundary: properties.PermissionsBoundary,
	            })];
	    }
	    readPermissionSetInlinePolicy(policy, logicalId) {
	        if (policy === undefined) {
	            return [];
	        }
	        // For PermissionSet inline policies:
	        // - Resource: still defaulted to the PermissionSet ARN when wildcarded
	        // - Principal: a pseudo-principal that identifies the PermissionSet
	        const appliesToResource = '${' + logicalId + '.Arn}';
	        const appliesToPrincipal = 'AWS:${' + logicalId + '}';
	        const statements = (0, statement_1.parseStatements)((0, render_intrinsics_1.renderIntrinsics)(policy.Statement));
	        // Keeping the existing behaviour for Resource\u2026
	        defaultResource(appliesToResource, statements);
	        // \u2026and additionally injecting a pseudo-principal for readability
	        defaultPrincipal(appliesToPrincipal, statements);
	        return statements;
	    }
	    readResourceStatements(policy, logicalId) {
	        if (policy === undefined) {
	            return [];
	        }
	        const appliesToResource = '${' + logicalId + '.Arn}';
	        return defaultResource(appliesToResource, (0, statement_1.parseStatements)((0, render_intrinsics_1.renderIntrinsics)(policy.Statement)));
	    }
	    /**
	     * Parse an AWS::*::{Bucket,Topic,Queue}policy
	     */
	    readResourcePolicyResource(properties) {
	        if (properties === undefined) {
	            return [];
	        }
	        properties = (0, render_intrinsics_1.renderIntrinsics)(properties);
	        const policyKeys = Object.keys(properties).filter(key => key.indexOf('Policy') > -1);
	        // Find the key that identifies the resource(s) this policy applies to
	        const resourceKeys = Object.keys(properties).filter(key => !policyKeys.includes(key) && !key.endsWith('Name'));
	        let resources = resourceKeys.length === 1 ? properties[resourceKeys[0]] : ['???'];
	        // For some resources, this is a singleton string, for some it's an array
	        if (!Array.isArray(resources)) {
	            resources = [resources];
	        }
	        return (0, util_1.flatMap)(resources, (resource) => {
	            return defaultResource(resource, (0, statement_1.parseStatements)(properties[policyKeys[0]].Statement));
	        });
	    }
	    readManagedPolicies(policyArns, logicalId) {
	        if (!policyArns) {
	            return [];
	        }
	        const rep = '${' + logicalId + '}';
	        return managed_policy_1.ManagedPolicyAttachment.parseManagedPolicies(rep, (0, render_intrinsics_1.renderIntrinsics)(policyArns));
	    }
	    readLambdaStatements(properties) {
	        if (!properties) {
	            return [];
	        }
	        return [(0, statement_1.parseLambdaPermission)((0, render_intrinsics_1.renderIntrinsics)(properties))];
	    }
	}
	iamChanges.IamChanges = IamChanges;
	/**
	 * Set an undefined or wildcarded principal on these statements
	 */
	function defaultPrincipal(principal, statements) {
	    statements.forEach(s => s.principals.replaceEmpty(principal));
	    statements.forEach(s => s.principals.replaceStar(principal));
	    return statements;
	}
	/**
	 * Set an undefined or wildcarded resource on these statements
	 */
	function defaultResource(resource, statements) {
	    statements.forEach(s => s.resources.replaceEmpty(resource));
	    statements.forEach(s => s.resources.replaceStar(resource));
	    return statements;
	}
	
	return iamChanges;
}

var securityGroupChanges = {};

var securityGroupRule = {};

var hasRequiredSecurityGroupRule;

function requireSecurityGroupRule () {
	if (hasRequiredSecurityGroupRule) return securityGroupRule;
	hasRequiredSecurityGroupRule = 1;
	Object.defineProperty(securityGroupRule, "__esModule", { value: true });
	securityGroupRule.SecurityGroupRule = void 0;
	/**
	 * A single security group rule, either egress or ingress
	 */
	class SecurityGroupRule {
	    /**
	     * Group ID of the group this rule applies to
	     */
	    groupId;
	    /**
	     * IP protocol this rule applies to
	     */
	    ipProtocol;
	    /**
	     * Start of port range this rule applies to, or ICMP type
	     */
	    fromPort;
	    /**
	     * End of port range this rule applies to, or ICMP code
	     */
	    toPort;
	    /**
	     * Peer of this rule
	     */
	    peer;
	    constructor(ruleObject, groupRef) {
	        this.ipProtocol = ruleObject.IpProtocol?.toString() || '*unknown*';
	        this.fromPort = ruleObject.FromPort;
	        this.toPort = ruleObject.ToPort;
	        this.groupId = ruleObject.GroupId || groupRef || '*unknown*'; // In case of an inline rule
	        this.peer =
	            findFirst(ruleObject, ['CidrIp', 'CidrIpv6'], (ip) => ({ kind: 'cidr-ip', ip }))
	                ||
	                    findFirst(ruleObject, ['DestinationSecurityGroupId', 'SourceSecurityGroupId'], (securityGroupId) => ({ kind: 'security-group', securityGroupId }))
	                ||
	                    findFirst(ruleObject, ['DestinationPrefixListId', 'SourcePrefixListId'], (prefixListId) => ({ kind: 'prefix-list', prefixListId }));
	    }
	    equal(other) {
	        return this.groupId === other.groupId
	            && this.ipProtocol === other.ipProtocol
	            && this.fromPort === other.fromPort
	            && this.toPort === other.toPort
	            && peerEqual(this.peer, other.peer);
	    }
	    describeProtocol() {
	        if (this.ipProtocol === '-1') {
	            return 'Everything';
	        }
	        const ipProtocol = this.ipProtocol.toUpperCase();
	        if (this.fromPort === -1) {
	            return `All ${ipProtocol}`;
	        }
	        if (this.fromPort === this.toPort) {
	            return `${ipProtocol} ${this.fromPort}`;
	        }
	        return `${ipProtocol} ${this.fromPort}-${this.toPort}`;
	    }
	    describePeer() {
	        if (this.peer) {
	            switch (this.peer.kind) {
	                case 'cidr-ip':
	                    if (this.peer.ip === '0.0.0.0/0') {
	                        return 'Everyone (IPv4)';
	                    }
	                    if (this.peer.ip === '::/0') {
	                        return 'Everyone (IPv6)';
	                    }
	                    return `${this.peer.ip}`;
	                case 'prefix-list': return `${this.peer.prefixListId}`;
	                case 'security-group': return `${this.peer.securityGroupId}`;
	            }
	        }
	        return '?';
	    }
	    toJson() {
	        return {
	            groupId: this.groupId,
	            ipProtocol: this.ipProtocol,
	            fromPort: this.fromPort,
	            toPort: this.toPort,
	            peer: this.peer,
	        };
	    }
	}
	securityGroupRule.SecurityGroupRule = SecurityGroupRule;
	function peerEqual(a, b) {
	    if ((a === undefined) !== (b === undefined)) {
	        return false;
	    }
	    if (a === undefined) {
	        return true;
	    }
	    if (a.kind !== b.kind) {
	        return false;
	    }
	    switch (a.kind) {
	        case 'cidr-ip': return a.ip === b.ip;
	        case 'security-group': return a.securityGroupId === b.securityGroupId;
	        case 'prefix-list': return a.prefixListId === b.prefixListId;
	    }
	}
	function findFirst(obj, keys, fn) {
	    for (const key of keys) {
	        try {
	            if (key in obj) {
	                return fn(obj[key]);
	            }
	        }
	        catch (e) {
	            debugger;
	        }
	    }
	    return undefined;
	}
	
	return securityGroupRule;
}

var hasRequiredSecurityGroupChanges;

function requireSecurityGroupChanges () {
	if (hasRequiredSecurityGroupChanges) return securityGroupChanges;
	hasRequiredSecurityGroupChanges = 1;
	var __importDefault = (securityGroupChanges && securityGroupChanges.__importDefault) || function (mod) {
	    return (mod && mod.__esModule) ? mod : { "default": mod };
	};
	Object.defineProperty(securityGroupChanges, "__esModule", { value: true });
	securityGroupChanges.SecurityGroupChanges = void 0;
	const chalk_1 = __importDefault(requireSource());
	const security_group_rule_1 = requireSecurityGroupRule();
	const diffable_1 = requireDiffable();
	const render_intrinsics_1 = requireRenderIntrinsics();
	const util_1 = requireUtil();
	/**
	 * Changes to IAM statements
	 */
	class SecurityGroupChanges {
	    ingress = new diffable_1.DiffableCollection();
	    egress = new diffable_1.DiffableCollection();
	    constructor(props) {
	        // Group rules
	        for (const ingressProp of props.ingressRulePropertyChanges) {
	            this.ingress.addOld(...this.readInlineRules(ingressProp.oldValue, ingressProp.resourceLogicalId));
	            this.ingress.addNew(...this.readInlineRules(ingressProp.newValue, ingressProp.resourceLogicalId));
	        }
	        for (const egressProp of props.egressRulePropertyChanges) {
	            this.egress.addOld(...this.readInlineRules(egressProp.oldValue, egressProp.resourceLogicalId));
	            this.egress.addNew(...this.readInlineRules(egressProp.newValue, egressProp.resourceLogicalId));
	        }
	        // Rule resources
	        for (const ingressRes of props.ingressRuleResourceChanges) {
	            this.ingress.addOld(...this.readRuleResource(ingressRes.oldProperties));
	            this.ingress.addNew(...this.readRuleResource(ingressRes.newProperties));
	        }
	        for (const egressRes of props.egressRuleResourceChanges) {
	            this.egress.addOld(...this.readRuleResource(egressRes.oldProperties));
	            this.egress.addNew(...this.readRuleResource(egressRes.newProperties));
	        }
	        this.ingress.calculateDiff();
	        this.egress.calculateDiff();
	    }
	    get hasChanges() {
	        return this.ingress.hasChanges || this.egress.hasChanges;
	    }
	    /**
	     * Return a summary table of changes
	     */
	    summarize() {
	        const ret = [];
	        const header = ['', 'Group', 'Dir', 'Protocol', 'Peer'];
	        const inWord = 'In';
	        const outWord = 'Out';
	        // Render a single rule to the table (curried function so we can map it across rules easily--thank you JavaScript!)
	        const renderRule = (plusMin, inOut) => (rule) => [
	            plusMin,
	            rule.groupId,
	            inOut,
	            rule.describeProtocol(),
	            rule.describePeer(),
	        ].map(s => plusMin === '+' ? chalk_1.default.green(s) : chalk_1.default.red(s));
	        // First generate all lines, sort later
	        ret.push(...this.ingress.additions.map(renderRule('+', inWord)));
	        ret.push(...this.egress.additions.map(renderRule('+', outWord)));
	        ret.push(...this.ingress.removals.map(renderRule('-', inWord)));
	        ret.push(...this.egress.removals.map(renderRule('-', outWord)));
	        // Sort by group name then ingress/egress (ingress first)
	        ret.sort((0, util_1.makeComparator)((row) => [row[1], row[2].indexOf(inWord) > -1 ? 0 : 1]));
	        ret.splice(0, 0, header);
	        return ret;
	    }
	    toJson() {
	        return (0, util_1.deepRemoveUndefined)({
	            ingressRuleAdditions: (0, util_1.dropIfEmpty)(this.ingress.additions.map(s => s.toJson())),
	            ingressRuleRemovals: (0, util_1.dropIfEmpty)(this.ingress.removals.map(s => s.toJson())),
	            egressRuleAdditions: (0, util_1.dropIfEmpty)(this.egress.additions.map(s => s.toJson())),
	            egressRuleRemovals: (0, util_1.dropIfEmpty)(this.egress.removals.map(s => s.toJson())),
	        });
	    }
	    get rulesAdded() {
	        return this.ingress.hasAdditions
	            || this.egress.hasAdditions;
	    }
	    readInlineRules(rules, logicalId) {
	        if (!rules || !Array.isArray(rules)) {
	            return [];
	        }
	        // UnCloudFormation so the parser works in an easier domain
	        const ref = '${' + logicalId + '.GroupId}';
	        return rules.flatMap((r) => {
	            const rendered = (0, render_intrinsics_1.renderIntrinsics)(r);
	            // SecurityGroupRule is not robust against unparsed objects
	            return typeof rendered === 'object' ? [new security_group_rule_1.SecurityGroupRule(rendered, ref)] : [];
	        });
	    }
	    readRuleResource(resource) {
	        if (!resource) {
	            return [];
	        }
	        // UnCloudFormation so the parser works in an easier domain
	        return [new security_group_rule_1.SecurityGroupRule((0, render_intrinsics_1.renderIntrinsics)(resource))];
	    }
	}
	securityGroupChanges.SecurityGroupChanges = SecurityGroupChanges;
	
	return securityGroupChanges;
}

var hasRequiredTypes;

function requireTypes () {
	if (hasRequiredTypes) return types;
	hasRequiredTypes = 1;
	Object.defineProperty(types, "__esModule", { value: true });
	types.ResourceDifference = types.ResourceImpact = types.ParameterDifference = types.OutputDifference = types.MetadataDifference = types.MappingDifference = types.ConditionDifference = types.DifferenceCollection = types.PropertyDifference = types.Difference = types.TemplateDiff = void 0;
	types.isPropertyDifference = isPropertyDifference;
	const assert_1 = require$$0$3;
	const service_spec_types_1 = requireLib$2();
	const util_1 = requireUtil$2();
	const iam_changes_1 = requireIamChanges();
	const security_group_changes_1 = requireSecurityGroupChanges();
	/** Semantic differences between two CloudFormation templates. */
	class TemplateDiff {
	    awsTemplateFormatVersion;
	    description;
	    transform;
	    conditions;
	    mappings;
	    metadata;
	    outputs;
	    parameters;
	    resources;
	    /** The differences in unknown/unexpected parts of the template */
	    unknown;
	    /**
	     * Changes to IAM policies
	     */
	    iamChanges;
	    /**
	     * Changes to Security Group ingress and egress rules
	     */
	    securityGroupChanges;
	    constructor(args) {
	        if (args.awsTemplateFormatVersion !== undefined) {
	            this.awsTemplateFormatVersion = args.awsTemplateFormatVersion;
	        }
	        if (args.description !== undefined) {
	            this.description = args.description;
	        }
	        if (args.transform !== undefined) {
	            this.transform = args.transform;
	        }
	        this.conditions = args.conditions || new DifferenceCollection({});
	        this.mappings = args.mappings || new DifferenceCollection({});
	        this.metadata = args.metadata || new DifferenceCollection({});
	        this.outputs = args.outputs || new DifferenceCollection({});
	        this.parameters = args.parameters || new DifferenceCollection({});
	        this.resources = args.resources || new DifferenceCollection({});
	        this.unknown = args.unknown || new DifferenceCollection({});
	        this.iamChanges = new iam_changes_1.IamChanges({
	            propertyChanges: this.scrutinizablePropertyChanges(iam_changes_1.IamChanges.IamPropertyScrutinies),
	            resourceChanges: this.scrutinizableResourceChanges(iam_changes_1.IamChanges.IamResourceScrutinies),
	        });
	        this.securityGroupChanges = new security_group_changes_1.SecurityGroupChanges({
	            egressRulePropertyChanges: this.scrutinizablePropertyChanges([service_spec_types_1.PropertyScrutinyType.EgressRules]),
	            ingressRulePropertyChanges: this.scrutinizablePropertyChanges([service_spec_types_1.PropertyScrutinyType.IngressRules]),
	            egressRuleResourceChanges: this.scrutinizableResourceChanges([service_spec_types_1.ResourceScrutinyType.EgressRuleResource]),
	            ingressRuleResourceChanges: this.scrutinizableResourceChanges([service_spec_types_1.ResourceScrutinyType.IngressRuleResource]),
	        });
	    }
	    get differenceCount() {
	        let count = 0;
	        if (this.awsTemplateFormatVersion !== undefined) {
	            count += 1;
	        }
	        if (this.description !== undefined) {
	            count += 1;
	        }
	        if (this.transform !== undefined) {
	            count += 1;
	        }
	        count += this.conditions.differenceCount;
	        count += this.mappings.differenceCount;
	        count += this.metadata.differenceCount;
	        count += this.outputs.differenceCount;
	        count += this.parameters.differenceCount;
	        count += this.resources.differenceCount;
	        count += this.unknown.differenceCount;
	        return count;
	    }
	    get isEmpty() {
	        return this.differenceCount === 0;
	    }
	    /**
	     * Return true if any of the permissions objects involve a broadening of permissions
	     */
	    get permissionsBroadened() {
	        return this.iamChanges.permissionsBroadened || this.securityGroupChanges.rulesAdded;
	    }
	    /**
	     * Return true if any of the permissions objects have changed
	     */
	    get permissionsAnyChanges() {
	        return this.iamChanges.hasChanges || this.securityGroupChanges.hasChanges;
	    }
	    /**
	     * Return all property changes of a given scrutiny type
	     *
	     * We don't just look at property updates; we also look at resource additions and deletions (in which
	     * case there is no further detail on property values), and resource type changes.
	     */
	    scrutinizablePropertyChanges(scrutinyTypes) {
	        const ret = new Array();
	        for (const [resourceLogicalId, resourceChange] of Object.entries(this.resources.changes)) {
	            if (resourceChange.resourceTypeChanged) {
	                // we ignore resource type changes here, and handle them in scrutinizableResourceChanges()
	                continue;
	            }
	            if (!resourceChange.resourceType) {
	                // We use resourceChange.resourceType to loadResourceModel so that we can inspect the
	                // properties of a resource even after the resource is removed from the template.
	                continue;
	            }
	            const newTypeProps = (0, util_1.loadResourceModel)(resourceChange.resourceType)?.properties || {};
	            for (const [propertyName, prop] of Object.entries(newTypeProps)) {
	                const propScrutinyType = prop.scrutinizable || service_spec_types_1.PropertyScrutinyType.None;
	                if (scrutinyTypes.includes(propScrutinyType)) {
	                    ret.push({
	                        resourceLogicalId,
	                        propertyName,
	                        resourceType: resourceChange.resourceType,
	                        scrutinyType: propScrutinyType,
	                        oldValue: resourceChange.oldProperties?.[propertyName],
	                        newValue: resourceChange.newProperties?.[propertyName],
	                    });
	                }
	            }
	        }
	        return ret;
	    }
	    /**
	     * Return all resource changes of a given scrutiny type
	     *
	     * We don't just look at resource updates; we also look at resource additions and deletions (in which
	     * case there is no further detail on property values), and resource type changes.
	     */
	    scrutinizableResourceChanges(scrutinyTypes) {
	        const ret = new Array();
	        for (const [resourceLogicalId, resourceChange] of Object.entries(this.resources.changes)) {
	            if (!resourceChange) {
	                continue;
	            }
	            const commonProps = {
	                oldProperties: resourceChange.oldProperties,
	                newProperties: resourceChange.newProperties,
	                resourceLogicalId,
	            };
	            // changes to the Type of resources can happen when migrating from CFN templates that use Transforms
	            if (resourceChange.resourceTypeChanged) {
	                // Treat as DELETE+ADD
	                if (resourceChange.oldResourceType) {
	                    const oldResourceModel = (0, util_1.loadResourceModel)(resourceChange.oldResourceType);
	                    if (oldResourceModel && this.resourceIsScrutinizable(oldResourceModel, scrutinyTypes)) {
	                        ret.push({
	                            ...commonProps,
	                            newProperties: undefined,
	                            resourceType: resourceChange.oldResourceType,
	                            scrutinyType: oldResourceModel.scrutinizable,
	                        });
	                    }
	                }
	                if (resourceChange.newResourceType) {
	                    const newResourceModel = (0, util_1.loadResourceModel)(resourceChange.newResourceType);
	                    if (newResourceModel && this.resourceIsScrutinizable(newResourceModel, scrutinyTypes)) {
	                        ret.push({
	                            ...commonProps,
	                            oldProperties: undefined,
	                            resourceType: resourceChange.newResourceType,
	                            scrutinyType: newResourceModel.scrutinizable,
	                        });
	                    }
	                }
	            }
	            else {
	                if (!resourceChange.resourceType) {
	                    continue;
	                }
	                const resourceModel = (0, util_1.loadResourceModel)(resourceChange.resourceType);
	                if (resourceModel && this.resourceIsScrutinizable(resourceModel, scrutinyTypes)) {
	                    ret.push({
	                        ...commonProps,
	                        resourceType: resourceChange.resourceType,
	                        scrutinyType: resourceModel.scrutinizable,
	                    });
	                }
	            }
	        }
	        return ret;
	    }
	    resourceIsScrutinizable(res, scrutinyTypes) {
	        return scrutinyTypes.includes(res.scrutinizable || service_spec_types_1.ResourceScrutinyType.None);
	    }
	}
	types.TemplateDiff = TemplateDiff;
	/**
	 * Models an entity that changed between two versions of a CloudFormation template.
	 */
	class Difference {
	    oldValue;
	    newValue;
	    /**
	     * Whether this is an actual different or the values are actually the same
	     *
	     * isDifferent => (isUpdate | isRemoved | isUpdate)
	     */
	    isDifferent;
	    /**
	     * @param oldValue - the old value, cannot be equal (to the sense of +deepEqual+) to +newValue+.
	     * @param newValue - the new value, cannot be equal (to the sense of +deepEqual+) to +oldValue+.
	     */
	    constructor(oldValue, newValue) {
	        this.oldValue = oldValue;
	        this.newValue = newValue;
	        if (oldValue === undefined && newValue === undefined) {
	            throw new assert_1.AssertionError({ message: 'oldValue and newValue are both undefined!' });
	        }
	        this.isDifferent = !(0, util_1.deepEqual)(oldValue, newValue);
	    }
	    /** @returns +true+ if the element is new to the template. */
	    get isAddition() {
	        return this.oldValue === undefined;
	    }
	    /** @returns +true+ if the element was removed from the template. */
	    get isRemoval() {
	        return this.newValue === undefined;
	    }
	    /** @returns +true+ if the element was already in the template and is updated. */
	    get isUpdate() {
	        return this.oldValue !== undefined
	            && this.newValue !== undefined;
	    }
	}
	types.Difference = Difference;
	class PropertyDifference extends Difference {
	    changeImpact;
	    constructor(oldValue, newValue, args) {
	        super(oldValue, newValue);
	        this.changeImpact = args.changeImpact;
	    }
	}
	types.PropertyDifference = PropertyDifference;
	class DifferenceCollection {
	    diffs;
	    constructor(diffs) {
	        this.diffs = diffs;
	    }
	    get changes() {
	        return onlyChanges(this.diffs);
	    }
	    get differenceCount() {
	        return Object.values(this.changes).length;
	    }
	    get(logicalId) {
	        const ret = this.diffs[logicalId];
	        if (!ret) {
	            throw new Error(`No object with logical ID '${logicalId}'`);
	        }
	        return ret;
	    }
	    remove(logicalId) {
	        delete this.diffs[logicalId];
	    }
	    /**
	     * Whether a difference (changed or not) is tracked for the given logical ID.
	     *
	     * Note this is different from `logicalIds`, which only returns IDs that have
	     * an actual change. A logical ID may be present here with a "no-op" difference.
	     */
	    has(logicalId) {
	        return this.diffs[logicalId] !== undefined;
	    }
	    /**
	     * Set (or replace) the difference tracked for the given logical ID.
	     */
	    set(logicalId, diff) {
	        this.diffs[logicalId] = diff;
	    }
	    get logicalIds() {
	        return Object.keys(this.changes);
	    }
	    /**
	     * Returns a new TemplateDiff which only contains changes for which `predicate`
	     * returns `true`.
	     */
	    filter(predicate) {
	        const newChanges = {};
	        const changes = this.changes;
	        for (const id of Object.keys(changes)) {
	            const diff = changes[id];
	            if (predicate(diff)) {
	                newChanges[id] = diff;
	            }
	        }
	        return new DifferenceCollection(newChanges);
	    }
	    /**
	     * Invokes `cb` for all changes in this collection.
	     *
	     * Changes will be sorted as follows:
	     *  - Removed
	     *  - Added
	     *  - Updated
	     *  - Others
	     *
	     */
	    forEachDifference(cb) {
	        const removed = new Array();
	        const added = new Array();
	        const updated = new Array();
	        const others = new Array();
	        const changes = this.changes;
	        for (const logicalId of Object.keys(changes)) {
	            const change = changes[logicalId];
	            if (change.isAddition) {
	                added.push({ logicalId, change });
	            }
	            else if (change.isRemoval) {
	                removed.push({ logicalId, change });
	            }
	            else if (change.isUpdate) {
	                updated.push({ logicalId, change });
	            }
	            else if (change.isDifferent) {
	                others.push({ logicalId, change });
	            }
	        }
	        removed.forEach(v => cb(v.logicalId, v.change));
	        added.forEach(v => cb(v.logicalId, v.change));
	        updated.forEach(v => cb(v.logicalId, v.change));
	        others.forEach(v => cb(v.logicalId, v.change));
	    }
	}
	types.DifferenceCollection = DifferenceCollection;
	class ConditionDifference extends Difference {
	}
	types.ConditionDifference = ConditionDifference;
	class MappingDifference extends Difference {
	}
	types.MappingDifference = MappingDifference;
	class MetadataDifference extends Difference {
	}
	types.MetadataDifference = MetadataDifference;
	class OutputDifference extends Difference {
	}
	types.OutputDifference = OutputDifference;
	class ParameterDifference extends Difference {
	}
	types.ParameterDifference = ParameterDifference;
	var ResourceImpact;
	(function (ResourceImpact) {
	    /** The existing physical resource will be updated */
	    ResourceImpact["WILL_UPDATE"] = "WILL_UPDATE";
	    /** A new physical resource will be created */
	    ResourceImpact["WILL_CREATE"] = "WILL_CREATE";
	    /** The existing physical resource will be replaced */
	    ResourceImpact["WILL_REPLACE"] = "WILL_REPLACE";
	    /** The existing physical resource may be replaced */
	    ResourceImpact["MAY_REPLACE"] = "MAY_REPLACE";
	    /** The existing physical resource will be destroyed */
	    ResourceImpact["WILL_DESTROY"] = "WILL_DESTROY";
	    /** The existing physical resource will be removed from CloudFormation supervision */
	    ResourceImpact["WILL_ORPHAN"] = "WILL_ORPHAN";
	    /** The existing physical resource will be added to CloudFormation supervision */
	    ResourceImpact["WILL_IMPORT"] = "WILL_IMPORT";
	    /** There is no change in this resource */
	    ResourceImpact["NO_CHANGE"] = "NO_CHANGE";
	})(ResourceImpact || (types.ResourceImpact = ResourceImpact = {}));
	/**
	 * This function can be used as a reducer to obtain the resource-level impact of a list
	 * of property-level impacts.
	 * @param one - the current worst impact so far.
	 * @param two - the new impact being considered (can be undefined, as we may not always be
	 *      able to determine some properties impact).
	 */
	function worstImpact(one, two) {
	    if (!two) {
	        return one;
	    }
	    const badness = {
	        [ResourceImpact.NO_CHANGE]: 0,
	        [ResourceImpact.WILL_IMPORT]: 0,
	        [ResourceImpact.WILL_UPDATE]: 1,
	        [ResourceImpact.WILL_CREATE]: 2,
	        [ResourceImpact.WILL_ORPHAN]: 3,
	        [ResourceImpact.MAY_REPLACE]: 4,
	        [ResourceImpact.WILL_REPLACE]: 5,
	        [ResourceImpact.WILL_DESTROY]: 6,
	    };
	    return badness[one] > badness[two] ? one : two;
	}
	/**
	 * Change to a single resource between two CloudFormation templates
	 *
	 * This class can be mutated after construction.
	 */
	class ResourceDifference {
	    oldValue;
	    newValue;
	    /**
	     * Whether this resource was added
	     */
	    isAddition;
	    /**
	     * Whether this resource was removed
	     */
	    isRemoval;
	    /**
	     * Whether this resource was imported
	     */
	    isImport;
	    move;
	    /** Property-level changes on the resource */
	    propertyDiffs;
	    /** Changes to non-property level attributes of the resource */
	    otherDiffs;
	    /** The resource type (or old and new type if it has changed) */
	    resourceTypes;
	    constructor(oldValue, newValue, args) {
	        this.oldValue = oldValue;
	        this.newValue = newValue;
	        this.resourceTypes = args.resourceType;
	        this.propertyDiffs = args.propertyDiffs;
	        this.otherDiffs = args.otherDiffs;
	        this.isAddition = oldValue === undefined;
	        this.isRemoval = newValue === undefined;
	        this.isImport = undefined;
	    }
	    get oldProperties() {
	        return this.oldValue && this.oldValue.Properties;
	    }
	    get newProperties() {
	        return this.newValue && this.newValue.Properties;
	    }
	    /**
	     * Whether this resource was modified at all
	     */
	    get isDifferent() {
	        return this.differenceCount > 0 || this.oldResourceType !== this.newResourceType;
	    }
	    /**
	     * Whether the resource was updated in-place
	     */
	    get isUpdate() {
	        return this.isDifferent && !this.isAddition && !this.isRemoval;
	    }
	    get oldResourceType() {
	        return this.resourceTypes.oldType;
	    }
	    get newResourceType() {
	        return this.resourceTypes.newType;
	    }
	    /**
	     * All actual property updates
	     */
	    get propertyUpdates() {
	        return onlyChanges(this.propertyDiffs);
	    }
	    /**
	     * All actual "other" updates
	     */
	    get otherChanges() {
	        return onlyChanges(this.otherDiffs);
	    }
	    /**
	     * Return whether the resource type was changed in this diff
	     *
	     * This is not a valid operation in CloudFormation but to be defensive we're going
	     * to be aware of it anyway.
	     */
	    get resourceTypeChanged() {
	        return (this.resourceTypes.oldType !== undefined
	            && this.resourceTypes.newType !== undefined
	            && this.resourceTypes.oldType !== this.resourceTypes.newType);
	    }
	    /**
	     * Return the resource type if it was unchanged
	     *
	     * If the resource type was changed, it's an error to call this.
	     */
	    get resourceType() {
	        if (this.resourceTypeChanged) {
	            throw new Error('Cannot get .resourceType, because the type was changed');
	        }
	        return this.resourceTypes.oldType || this.resourceTypes.newType;
	    }
	    /**
	     * Replace a PropertyChange in this object
	     *
	     * This affects the property diff as it is summarized to users, but it DOES
	     * NOT affect either the "oldValue" or "newValue" values; those still contain
	     * the actual template values as provided by the user (they might still be
	     * used for downstream processing).
	     */
	    setPropertyChange(propertyName, change) {
	        this.propertyDiffs[propertyName] = change;
	    }
	    /**
	     * Replace a OtherChange in this object
	     *
	     * This affects the property diff as it is summarized to users, but it DOES
	     * NOT affect either the "oldValue" or "newValue" values; those still contain
	     * the actual template values as provided by the user (they might still be
	     * used for downstream processing).
	     */
	    setOtherChange(otherName, change) {
	        this.otherDiffs[otherName] = change;
	    }
	    get changeImpact() {
	        if (this.isImport) {
	            return ResourceImpact.WILL_IMPORT;
	        }
	        // Check the Type first
	        if (this.resourceTypes.oldType !== this.resourceTypes.newType) {
	            if (this.resourceTypes.oldType === undefined) {
	                return ResourceImpact.WILL_CREATE;
	            }
	            if (this.resourceTypes.newType === undefined) {
	                return this.oldValue.DeletionPolicy === 'Retain' || this.oldValue.DeletionPolicy === 'RetainExceptOnCreate'
	                    ? ResourceImpact.WILL_ORPHAN
	                    : ResourceImpact.WILL_DESTROY;
	            }
	            return ResourceImpact.WILL_REPLACE;
	        }
	        // Base impact (before we mix in the worst of the property impacts);
	        // WILL_UPDATE if we have "other" changes, NO_CHANGE if there are no "other" changes.
	        const baseImpact = Object.keys(this.otherChanges).length > 0 ? ResourceImpact.WILL_UPDATE : ResourceImpact.NO_CHANGE;
	        return Object.values(this.propertyDiffs)
	            .map(elt => elt.changeImpact)
	            .reduce(worstImpact, baseImpact);
	    }
	    /**
	     * Count of actual differences (not of elements)
	     */
	    get differenceCount() {
	        return Object.values(this.propertyUpdates).length
	            + Object.values(this.otherChanges).length;
	    }
	    /**
	     * Invoke a callback for each actual difference
	     */
	    forEachDifference(cb) {
	        for (const key of Object.keys(this.propertyUpdates).sort()) {
	            cb('Property', key, this.propertyUpdates[key]);
	        }
	        for (const key of Object.keys(this.otherChanges).sort()) {
	            cb('Other', key, this.otherDiffs[key]);
	        }
	    }
	}
	types.ResourceDifference = ResourceDifference;
	function isPropertyDifference(diff) {
	    return diff.changeImpact !== undefined;
	}
	/**
	 * Filter a map of IDifferences down to only retain the actual changes
	 */
	function onlyChanges(xs) {
	    const ret = {};
	    for (const [key, diff] of Object.entries(xs)) {
	        if (diff.isDifferent) {
	            ret[key] = diff;
	        }
	    }
	    return ret;
	}
	
	return types;
}

var hasRequiredDiff;

function requireDiff () {
	if (hasRequiredDiff) return diff$2;
	hasRequiredDiff = 1;
	var __createBinding = (diff$2 && diff$2.__createBinding) || (Object.create ? (function(o, m, k, k2) {
	    if (k2 === undefined) k2 = k;
	    var desc = Object.getOwnPropertyDescriptor(m, k);
	    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
	      desc = { enumerable: true, get: function() { return m[k]; } };
	    }
	    Object.defineProperty(o, k2, desc);
	}) : (function(o, m, k, k2) {
	    if (k2 === undefined) k2 = k;
	    o[k2] = m[k];
	}));
	var __setModuleDefault = (diff$2 && diff$2.__setModuleDefault) || (Object.create ? (function(o, v) {
	    Object.defineProperty(o, "default", { enumerable: true, value: v });
	}) : function(o, v) {
	    o["default"] = v;
	});
	var __importStar = (diff$2 && diff$2.__importStar) || (function () {
	    var ownKeys = function(o) {
	        ownKeys = Object.getOwnPropertyNames || function (o) {
	            var ar = [];
	            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
	            return ar;
	        };
	        return ownKeys(o);
	    };
	    return function (mod) {
	        if (mod && mod.__esModule) return mod;
	        var result = {};
	        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
	        __setModuleDefault(result, mod);
	        return result;
	    };
	})();
	Object.defineProperty(diff$2, "__esModule", { value: true });
	diff$2.diffAttribute = diffAttribute;
	diff$2.diffCondition = diffCondition;
	diff$2.diffMapping = diffMapping;
	diff$2.diffMetadata = diffMetadata;
	diff$2.diffOutput = diffOutput;
	diff$2.diffParameter = diffParameter;
	diff$2.diffResource = diffResource;
	diff$2.diffUnknown = diffUnknown;
	const types = __importStar(requireTypes());
	const util_1 = requireUtil$2();
	function diffAttribute(oldValue, newValue) {
	    return new types.Difference(_asString(oldValue), _asString(newValue));
	}
	function diffCondition(oldValue, newValue) {
	    return new types.ConditionDifference(oldValue, newValue);
	}
	function diffMapping(oldValue, newValue) {
	    return new types.MappingDifference(oldValue, newValue);
	}
	function diffMetadata(oldValue, newValue) {
	    return new types.MetadataDifference(oldValue, newValue);
	}
	function diffOutput(oldValue, newValue) {
	    return new types.OutputDifference(oldValue, newValue);
	}
	function diffParameter(oldValue, newValue) {
	    return new types.ParameterDifference(oldValue, newValue);
	}
	function diffResource(oldValue, newValue, logicalId) {
	    // Fn::ForEach entries are arrays, not standard {Type, Properties} resource objects.
	    // Synthesize a virtual resource type so isDifferent works correctly.
	    if (logicalId && logicalId.startsWith('Fn::ForEach::')) {
	        const forEachType = 'Fn::ForEach';
	        return new types.ResourceDifference(oldValue, newValue, {
	            resourceType: { oldType: oldValue ? forEachType : undefined, newType: newValue ? forEachType : undefined },
	            propertyDiffs: {},
	            otherDiffs: !(0, util_1.deepEqual)(oldValue, newValue) ? { Value: new types.Difference(oldValue, newValue) } : {},
	        });
	    }
	    const resourceType = {
	        oldType: oldValue && oldValue.Type,
	        newType: newValue && newValue.Type,
	    };
	    let propertyDiffs = {};
	    let otherDiffs = {};
	    if (resourceType.oldType !== undefined && resourceType.oldType === resourceType.newType) {
	        // Only makes sense to inspect deeper if the types stayed the same
	        const impl = (0, util_1.loadResourceModel)(resourceType.oldType);
	        propertyDiffs = (0, util_1.diffKeyedEntities)(oldValue.Properties, newValue.Properties, (oldVal, newVal, key) => _diffProperty(oldVal, newVal, key, impl));
	        otherDiffs = (0, util_1.diffKeyedEntities)(oldValue, newValue, _diffOther);
	        delete otherDiffs.Properties;
	    }
	    return new types.ResourceDifference(oldValue, newValue, {
	        resourceType, propertyDiffs, otherDiffs,
	    });
	    function _diffProperty(oldV, newV, key, resourceSpec) {
	        let changeImpact = types.ResourceImpact.NO_CHANGE;
	        const spec = resourceSpec?.properties?.[key];
	        if (spec && !(0, util_1.deepEqual)(oldV, newV)) {
	            switch (spec.causesReplacement) {
	                case 'yes':
	                    changeImpact = types.ResourceImpact.WILL_REPLACE;
	                    break;
	                case 'maybe':
	                    changeImpact = types.ResourceImpact.MAY_REPLACE;
	                    break;
	                default:
	                    // In those cases, whatever is the current value is what we should keep
	                    changeImpact = types.ResourceImpact.WILL_UPDATE;
	            }
	        }
	        return new types.PropertyDifference(oldV, newV, { changeImpact });
	    }
	    function _diffOther(oldV, newV) {
	        return new types.Difference(oldV, newV);
	    }
	}
	function diffUnknown(oldValue, newValue) {
	    return new types.Difference(oldValue, newValue);
	}
	/**
	 * Coerces a given value to +string | undefined+.
	 *
	 * @param value - the value to be coerced.
	 *
	 * @returns +undefined+ if +value+ is +null+ or +undefined+,
	 *      +value+ if it is a +string+,
	 *      a compact JSON representation of +value+ otherwise.
	 */
	function _asString(value) {
	    if (value == null) {
	        return undefined;
	    }
	    if (typeof value === 'string') {
	        return value;
	    }
	    return JSON.stringify(value);
	}
	
	return diff$2;
}

var templateAndChangesetDiffMerger = {};

var hasRequiredTemplateAndChangesetDiffMerger;

function requireTemplateAndChangesetDiffMerger () {
	if (hasRequiredTemplateAndChangesetDiffMerger) return templateAndChangesetDiffMerger;
	hasRequiredTemplateAndChangesetDiffMerger = 1;
	var __createBinding = (templateAndChangesetDiffMerger && templateAndChangesetDiffMerger.__createBinding) || (Object.create ? (function(o, m, k, k2) {
	    if (k2 === undefined) k2 = k;
	    var desc = Object.getOwnPropertyDescriptor(m, k);
	    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
	      desc = { enumerable: true, get: function() { return m[k]; } };
	    }
	    Object.defineProperty(o, k2, desc);
	}) : (function(o, m, k, k2) {
	    if (k2 === undefined) k2 = k;
	    o[k2] = m[k];
	}));
	var __setModuleDefault = (templateAndChangesetDiffMerger && templateAndChangesetDiffMerger.__setModuleDefault) || (Object.create ? (function(o, v) {
	    Object.defineProperty(o, "default", { enumerable: true, value: v });
	}) : function(o, v) {
	    o["default"] = v;
	});
	var __importStar = (templateAndChangesetDiffMerger && templateAndChangesetDiffMerger.__importStar) || (function () {
	    var ownKeys = function(o) {
	        ownKeys = Object.getOwnPropertyNames || function (o) {
	            var ar = [];
	            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
	            return ar;
	        };
	        return ownKeys(o);
	    };
	    return function (mod) {
	        if (mod && mod.__esModule) return mod;
	        var result = {};
	        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
	        __setModuleDefault(result, mod);
	        return result;
	    };
	})();
	Object.defineProperty(templateAndChangesetDiffMerger, "__esModule", { value: true });
	templateAndChangesetDiffMerger.TemplateAndChangeSetDiffMerger = void 0;
	const diff_1 = requireDiff();
	const types = __importStar(requireTypes());
	/**
	 * The purpose of this class is to include differences from the ChangeSet to differences in the TemplateDiff.
	 */
	class TemplateAndChangeSetDiffMerger {
	    static determineChangeSetReplacementMode(propertyChange) {
	        if (propertyChange.Target?.RequiresRecreation === undefined) {
	            // We can't determine if the resource will be replaced or not. That's what conditionally means.
	            return 'Conditionally';
	        }
	        if (propertyChange.Target.RequiresRecreation === 'Always') {
	            switch (propertyChange.Evaluation) {
	                case 'Static':
	                    return 'Always';
	                case 'Dynamic':
	                    // If Evaluation is 'Dynamic', then this may cause replacement, or it may not.
	                    // see 'Replacement': https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_ResourceChange.html
	                    return 'Conditionally';
	            }
	        }
	        return propertyChange.Target.RequiresRecreation;
	    }
	    // If we somehow cannot find the resourceType, then we'll mark it as UNKNOWN, so that can be seen in the diff.
	    static UNKNOWN_RESOURCE_TYPE = 'UNKNOWN_RESOURCE_TYPE';
	    changeSet;
	    changeSetResources;
	    constructor(props) {
	        this.changeSet = props.changeSet;
	        this.changeSetResources = props.changeSetResources ?? this.convertDescribeChangeSetOutputToChangeSetResources(this.changeSet);
	    }
	    /**
	     * Read resources from the changeSet, extracting information into ChangeSetResources.
	     */
	    convertDescribeChangeSetOutputToChangeSetResources(changeSet) {
	        const changeSetResources = {};
	        for (const resourceChange of changeSet.Changes ?? []) {
	            if (resourceChange.ResourceChange?.LogicalResourceId === undefined) {
	                continue; // Being defensive, here.
	            }
	            const propertyReplacementModes = {};
	            for (const propertyChange of resourceChange.ResourceChange.Details ?? []) { // Details is only included if resourceChange.Action === 'Modify'
	                if (propertyChange.Target?.Attribute === 'Properties' && propertyChange.Target.Name) {
	                    propertyReplacementModes[propertyChange.Target.Name] = {
	                        replacementMode: TemplateAndChangeSetDiffMerger.determineChangeSetReplacementMode(propertyChange),
	                    };
	                }
	            }
	            changeSetResources[resourceChange.ResourceChange.LogicalResourceId] = {
	                resourceWasReplaced: resourceChange.ResourceChange.Replacement === 'True',
	                resourceType: resourceChange.ResourceChange.ResourceType ?? TemplateAndChangeSetDiffMerger.UNKNOWN_RESOURCE_TYPE, // DescribeChangeSet doesn't promise to have the ResourceType...
	                propertyReplacementModes: propertyReplacementModes,
	            };
	        }
	        return changeSetResources;
	    }
	    /**
	     * This is writing over the "ChangeImpact" that was computed from the template difference, and instead using the ChangeImpact that is included from the ChangeSet.
	     * Using the ChangeSet ChangeImpact is more accurate. The ChangeImpact tells us what the consequence is of changing the field. If changing the field causes resource
	     * replacement (e.g., changing the name of an IAM role requires deleting and replacing the role), then ChangeImpact is "Always".
	     */
	    overrideDiffResourceChangeImpactWithChangeSetChangeImpact(logicalId, change) {
	        // resourceType getter throws an error if resourceTypeChanged
	        if ((change.resourceTypeChanged === true) || change.resourceType?.includes('AWS::Serverless')) {
	            // CFN applies the SAM transform before creating the changeset, so the changeset contains no information about SAM resources
	            return;
	        }
	        change.forEachDifference((type, name, value) => {
	            if (type === 'Property') {
	                if (!this.changeSetResources[logicalId]) {
	                    if (!propertyIsResolvedAtDeployTime(value)) {
	                        // A static difference is a real change even if the changeset failed to detect it
	                        // (e.g. WAFv2 empty-object actions, https://github.com/aws/aws-cdk-cli/issues/1922).
	                        return;
	                    }
	                    value.changeImpact = types.ResourceImpact.NO_CHANGE;
	                    value.isDifferent = false;
	                    return;
	                }
	                const changingPropertyCausesResourceReplacement = (this.changeSetResources[logicalId].propertyReplacementModes ?? {})[name]?.replacementMode;
	                switch (changingPropertyCausesResourceReplacement) {
	                    case 'Always':
	                        value.changeImpact = types.ResourceImpact.WILL_REPLACE;
	                        break;
	                    case 'Never':
	                        value.changeImpact = types.ResourceImpact.WILL_UPDATE;
	                        break;
	                    case 'Conditionally':
	                        value.changeImpact = types.ResourceImpact.MAY_REPLACE;
	                        break;
	                    case undefined:
	                        if (!propertyIsResolvedAtDeployTime(value)) {
	                            // Same as above: keep static differences the changeset failed to detect.
	                            break;
	                        }
	                        value.changeImpact = types.ResourceImpact.NO_CHANGE;
	                        value.isDifferent = false;
	                        break;
	                    // otherwise, defer to the changeImpact from the template diff
	                }
	            }
	            else if (type === 'Other') {
	                switch (name) {
	                    case 'Metadata':
	                        // we want to ignore metadata changes in the diff, so compare newValue against newValue.
	                        change.setOtherChange('Metadata', new types.Difference(value.newValue, value.newValue));
	                        break;
	                }
	            }
	        });
	    }
	    /**
	     * Adds property changes that the change set reports for a resource that the template diff already
	     * surfaced, but that the template diff did not pick up on its own.
	     *
	     * Without this, a resource that has an ordinary (textual) change to one property would hide a
	     * second change to a *different* property that is only resolved at deploy time (e.g. a property
	     * whose value comes from an SSM parameter or a CloudFormation dynamic reference). That hidden
	     * change might even be a replacement, so silently dropping it is exactly the class of bug that
	     * issue #641 is about - just on a resource that happens to also have a visible change.
	     *
	     * This complements `addChangeSetResourcesNotInTemplateDiff`, which handles resources that are
	     * entirely absent from the template diff.
	     *
	     * @param logicalId - the logical ID of the resource (already present in the template diff)
	     * @param change - the resource difference to augment (mutated in place)
	     */
	    addChangeSetPropertiesNotInTemplateDiff(logicalId, change) {
	        // Same guard as the impact-refinement path: the change set describes the post-transform
	        // resource for SAM, so its property information does not line up with the template.
	        // `resourceType` getter throws if the type changed, so check that first.
	        if ((change.resourceTypeChanged === true) || change.resourceType?.includes('AWS::Serverless')) {
	            return;
	        }
	        const propertyReplacementModes = this.changeSetResources[logicalId]?.propertyReplacementModes;
	        if (!propertyReplacementModes) {
	            return;
	        }
	        const resourceChange = this.findResourceChange(logicalId);
	        for (const [propertyName, { replacementMode }] of Object.entries(propertyReplacementModes)) {
	            // Properties the template diff already flagged are owned by the impact-refinement path.
	            if (propertyName in change.propertyUpdates) {
	                continue;
	            }
	            const changeImpact = changeImpactForReplacementMode(replacementMode);
	            if (changeImpact === undefined) {
	                // The change set does not actually consider this a (meaningful) change.
	                continue;
	            }
	            const { oldValue, newValue } = this.changeSetPropertyValues(resourceChange, propertyName);
	            const propertyDiff = new types.PropertyDifference(oldValue, newValue, { changeImpact });
	            propertyDiff.isDifferent = true;
	            change.setPropertyChange(propertyName, propertyDiff);
	        }
	    }
	    /**
	     * Adds resources to the template diff that the change set reports as changing, but that the
	     * template diff did not surface on its own.
	     *
	     * This happens when the local template is byte-for-byte identical between the current and
	     * target state, yet a value that is only resolved at deploy time changes - for example an
	     * SSM parameter referenced through `AWS::SSM::Parameter::Value<...>` or a CloudFormation
	     * dynamic reference (`{{resolve:ssm:...}}`). CloudFormation detects these in the change set
	     * even though a pure template diff cannot, so we synthesize a `ResourceDifference` from the
	     * change set's before/after data.
	     *
	     * @param resourceDiffs - the resource differences to add to (mutated in place)
	     * @param resourcesInTemplateDiff - the logical IDs that the template diff already reported as
	     *   changed, captured *before* any change-set overrides were applied. Those resources are
	     *   owned by the override path and are skipped here so we never clobber more accurate
	     *   template-derived information with change-set-only data.
	     */
	    addChangeSetResourcesNotInTemplateDiff(resourceDiffs, resourcesInTemplateDiff) {
	        for (const resourceChange of this.changeSet?.Changes ?? []) {
	            const rc = resourceChange.ResourceChange;
	            const logicalId = rc?.LogicalResourceId;
	            if (!rc || !logicalId) {
	                continue;
	            }
	            // Additions, removals and imports are already reflected in the template diff (a new or
	            // deleted resource shows up textually), or are handled by the dedicated import path. We
	            // only need to synthesize changes for modifications that are invisible to a textual diff.
	            if (rc.Action !== 'Modify') {
	                continue;
	            }
	            // The template diff already produced a difference for this resource, so the override path
	            // is responsible for it. Don't replace it with change-set-only data.
	            if (resourcesInTemplateDiff.has(logicalId)) {
	                continue;
	            }
	            // CFN applies the SAM transform before creating the changeset, so changeset entries for
	            // SAM resources describe the transformed (e.g. Lambda) resource and won't line up with the
	            // SAM resource in the template. Skip them to avoid rendering a bogus diff.
	            if (rc.ResourceType?.includes('AWS::Serverless')) {
	                continue;
	            }
	            const resourceDiff = this.resourceDifferenceFromChangeSetResource(rc);
	            if (resourceDiff?.isDifferent) {
	                resourceDiffs.set(logicalId, resourceDiff);
	            }
	        }
	    }
	    /**
	     * Build a `ResourceDifference` purely from a change set's `ResourceChange`.
	     *
	     * Prefers the rich `BeforeContext`/`AfterContext` (the full resource definition before and
	     * after the change, included when the change set is described with `IncludePropertyValues`),
	     * and falls back to the per-property `BeforeValue`/`AfterValue` carried in the change details.
	     *
	     * @returns the synthesized difference, or `undefined` if there is not enough information to
	     *   build a meaningful before/after comparison.
	     */
	    resourceDifferenceFromChangeSetResource(rc) {
	        const resourceType = rc.ResourceType;
	        let oldResource;
	        let newResource;
	        const oldFromContext = this.parseResourceContext(rc.BeforeContext, resourceType);
	        const newFromContext = this.parseResourceContext(rc.AfterContext, resourceType);
	        if (oldFromContext !== undefined && newFromContext !== undefined) {
	            oldResource = oldFromContext;
	            newResource = newFromContext;
	        }
	        else {
	            // The full before/after context was not requested/returned; reconstruct the resource
	            // from the individual property changes instead.
	            const fromDetails = this.resourcesFromChangeDetails(rc, resourceType);
	            oldResource = fromDetails.oldResource;
	            newResource = fromDetails.newResource;
	        }
	        if (oldResource === undefined || newResource === undefined) {
	            return undefined;
	        }
	        const resourceDiff = (0, diff_1.diffResource)(oldResource, newResource, rc.LogicalResourceId);
	        // Refine the change impact (replacement vs. update) using the change set, exactly like we do
	        // for resources that originate from the template diff.
	        this.overrideDiffResourceChangeImpactWithChangeSetChangeImpact(rc.LogicalResourceId, resourceDiff);
	        return resourceDiff;
	    }
	    /**
	     * Parse a change set `BeforeContext`/`AfterContext` into a resource object.
	     *
	     * The context is the resource's definition (Properties, Metadata, etc.) but does *not* include
	     * the resource `Type`, so we splice it back in (using the change set's reported type) to allow
	     * the diff machinery to compare like-for-like and look up replacement information.
	     */
	    parseResourceContext(context, resourceType) {
	        if (context === undefined || context === null) {
	            return undefined;
	        }
	        let parsed;
	        if (typeof context === 'string') {
	            try {
	                parsed = JSON.parse(context);
	            }
	            catch {
	                return undefined;
	            }
	        }
	        else {
	            parsed = context;
	        }
	        if (typeof parsed !== 'object' || parsed === null) {
	            return undefined;
	        }
	        return {
	            Type: resourceType ?? TemplateAndChangeSetDiffMerger.UNKNOWN_RESOURCE_TYPE,
	            ...parsed,
	        };
	    }
	    /**
	     * Reconstruct (partial) before/after resource definitions from the per-property change details.
	     *
	     * This is the fallback used when `BeforeContext`/`AfterContext` are not available (for example
	     * when the change set was described without `IncludePropertyValues`). Only properties that
	     * carry a before or after value contribute to the reconstructed resources.
	     */
	    resourcesFromChangeDetails(rc, resourceType) {
	        const oldProperties = {};
	        const newProperties = {};
	        let hasData = false;
	        for (const detail of rc.Details ?? []) {
	            const target = detail.Target;
	            if (target?.Attribute !== 'Properties' || !target.Name) {
	                continue;
	            }
	            if (target.BeforeValue !== undefined) {
	                oldProperties[target.Name] = tryJsonParse(target.BeforeValue);
	                hasData = true;
	            }
	            if (target.AfterValue !== undefined) {
	                newProperties[target.Name] = tryJsonParse(target.AfterValue);
	                hasData = true;
	            }
	        }
	        if (!hasData) {
	            return { oldResource: undefined, newResource: undefined };
	        }
	        const type = resourceType ?? TemplateAndChangeSetDiffMerger.UNKNOWN_RESOURCE_TYPE;
	        return {
	            oldResource: { Type: type, Properties: oldProperties },
	            newResource: { Type: type, Properties: newProperties },
	        };
	    }
	    /**
	     * Find the raw `ResourceChange` for a given logical ID in the change set.
	     */
	    findResourceChange(logicalId) {
	        for (const resourceChange of this.changeSet?.Changes ?? []) {
	            if (resourceChange.ResourceChange?.LogicalResourceId === logicalId) {
	                return resourceChange.ResourceChange;
	            }
	        }
	        return undefined;
	    }
	    /**
	     * Determine the before/after value of a single property from the change set.
	     *
	     * Prefers the per-property `BeforeValue`/`AfterValue` carried in the change details, then the
	     * `BeforeContext`/`AfterContext` resource snapshots, and finally falls back to empty-object
	     * placeholders so the property still renders as a change (with the impact derived from the
	     * change set) even when no concrete values were returned.
	     */
	    changeSetPropertyValues(resourceChange, propertyName) {
	        let oldValue;
	        let newValue;
	        for (const detail of resourceChange?.Details ?? []) {
	            const target = detail.Target;
	            if (target?.Attribute === 'Properties' && target.Name === propertyName) {
	                if (target.BeforeValue !== undefined) {
	                    oldValue = tryJsonParse(target.BeforeValue);
	                }
	                if (target.AfterValue !== undefined) {
	                    newValue = tryJsonParse(target.AfterValue);
	                }
	            }
	        }
	        if (oldValue === undefined) {
	            oldValue = contextProperties(resourceChange?.BeforeContext)?.[propertyName];
	        }
	        if (newValue === undefined) {
	            newValue = contextProperties(resourceChange?.AfterContext)?.[propertyName];
	        }
	        // PropertyDifference requires at least one defined side; use a placeholder otherwise.
	        return {
	            oldValue: oldValue !== undefined ? oldValue : {},
	            newValue: newValue !== undefined ? newValue : {},
	        };
	    }
	    addImportInformationFromChangeset(resourceDiffs) {
	        const imports = this.findResourceImports();
	        resourceDiffs.forEachDifference((logicalId, change) => {
	            if (imports.includes(logicalId)) {
	                change.isImport = true;
	            }
	        });
	    }
	    findResourceImports() {
	        const importedResourceLogicalIds = [];
	        for (const resourceChange of this.changeSet?.Changes ?? []) {
	            if (resourceChange.ResourceChange?.Action === 'Import') {
	                importedResourceLogicalIds.push(resourceChange.ResourceChange.LogicalResourceId);
	            }
	        }
	        return importedResourceLogicalIds;
	    }
	}
	templateAndChangesetDiffMerger.TemplateAndChangeSetDiffMerger = TemplateAndChangeSetDiffMerger;
	/**
	 * Parse a change set property value as JSON, falling back to the raw value.
	 *
	 * Change set property values (e.g. `BeforeValue`/`AfterValue`) are always strings. Some of them
	 * are serialized JSON (such as an IAM `PolicyDocument`), while others are plain scalars. Parsing
	 * lets us compare structured values structurally; if parsing fails we keep the original string.
	 */
	function tryJsonParse(value) {
	    try {
	        return JSON.parse(value);
	    }
	    catch {
	        return value;
	    }
	}
	/**
	 * Map a change set replacement mode to the corresponding diff `ResourceImpact`.
	 *
	 * Returns `undefined` when the change set does not consider the property a (meaningful) change.
	 */
	function changeImpactForReplacementMode(replacementMode) {
	    switch (replacementMode) {
	        case 'Always':
	            return types.ResourceImpact.WILL_REPLACE;
	        case 'Never':
	            return types.ResourceImpact.WILL_UPDATE;
	        case 'Conditionally':
	            return types.ResourceImpact.MAY_REPLACE;
	        default:
	            return undefined;
	    }
	}
	/**
	 * Parse the `Properties` block out of a change set `BeforeContext`/`AfterContext` snapshot.
	 */
	function contextProperties(context) {
	    if (context === undefined || context === null) {
	        return undefined;
	    }
	    let parsed;
	    if (typeof context === 'string') {
	        try {
	            parsed = JSON.parse(context);
	        }
	        catch {
	            return undefined;
	        }
	    }
	    else {
	        parsed = context;
	    }
	    return parsed && typeof parsed === 'object' ? parsed.Properties : undefined;
	}
	/**
	 * Whether either side of a property difference contains a value only resolved at deploy time:
	 * a `Ref`, an `Fn::*` intrinsic, or a dynamic reference (`{{resolve:...}}`).
	 *
	 * Only for such properties may the changeset legitimately report "no change" despite a
	 * textual difference in the template.
	 */
	function propertyIsResolvedAtDeployTime(difference) {
	    return containsDeployTimeValue(difference.oldValue) || containsDeployTimeValue(difference.newValue);
	}
	function containsDeployTimeValue(value) {
	    if (typeof value === 'string') {
	        return value.includes('{{resolve:');
	    }
	    if (Array.isArray(value)) {
	        return value.some(containsDeployTimeValue);
	    }
	    if (typeof value === 'object' && value !== null) {
	        for (const [key, nested] of Object.entries(value)) {
	            if (key === 'Ref' || key.startsWith('Fn::')) {
	                return true;
	            }
	            if (containsDeployTimeValue(nested)) {
	                return true;
	            }
	        }
	    }
	    return false;
	}
	
	return templateAndChangesetDiffMerger;
}

var hasRequiredDiffTemplate;

function requireDiffTemplate () {
	if (hasRequiredDiffTemplate) return diffTemplate$2;
	hasRequiredDiffTemplate = 1;
	(function (exports) {
		var __createBinding = (diffTemplate$2 && diffTemplate$2.__createBinding) || (Object.create ? (function(o, m, k, k2) {
		    if (k2 === undefined) k2 = k;
		    var desc = Object.getOwnPropertyDescriptor(m, k);
		    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
		      desc = { enumerable: true, get: function() { return m[k]; } };
		    }
		    Object.defineProperty(o, k2, desc);
		}) : (function(o, m, k, k2) {
		    if (k2 === undefined) k2 = k;
		    o[k2] = m[k];
		}));
		var __setModuleDefault = (diffTemplate$2 && diffTemplate$2.__setModuleDefault) || (Object.create ? (function(o, v) {
		    Object.defineProperty(o, "default", { enumerable: true, value: v });
		}) : function(o, v) {
		    o["default"] = v;
		});
		var __importStar = (diffTemplate$2 && diffTemplate$2.__importStar) || (function () {
		    var ownKeys = function(o) {
		        ownKeys = Object.getOwnPropertyNames || function (o) {
		            var ar = [];
		            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
		            return ar;
		        };
		        return ownKeys(o);
		    };
		    return function (mod) {
		        if (mod && mod.__esModule) return mod;
		        var result = {};
		        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
		        __setModuleDefault(result, mod);
		        return result;
		    };
		})();
		var __exportStar = (diffTemplate$2 && diffTemplate$2.__exportStar) || function(m, exports) {
		    for (var p in m) if (p !== "default" && !Object.prototype.hasOwnProperty.call(exports, p)) __createBinding(exports, m, p);
		};
		Object.defineProperty(exports, "__esModule", { value: true });
		exports.fullDiff = fullDiff;
		exports.diffTemplate = diffTemplate;
		const impl = __importStar(requireDiff());
		const template_and_changeset_diff_merger_1 = requireTemplateAndChangesetDiffMerger();
		const types = __importStar(requireTypes());
		const util_1 = requireUtil$2();
		__exportStar(requireTypes(), exports);
		const DIFF_HANDLERS = {
		    AWSTemplateFormatVersion: (diff, oldValue, newValue) => diff.awsTemplateFormatVersion = impl.diffAttribute(oldValue, newValue),
		    Description: (diff, oldValue, newValue) => diff.description = impl.diffAttribute(oldValue, newValue),
		    Metadata: (diff, oldValue, newValue) => diff.metadata = new types.DifferenceCollection((0, util_1.diffKeyedEntities)(oldValue, newValue, impl.diffMetadata)),
		    Parameters: (diff, oldValue, newValue) => diff.parameters = new types.DifferenceCollection((0, util_1.diffKeyedEntities)(oldValue, newValue, impl.diffParameter)),
		    Mappings: (diff, oldValue, newValue) => diff.mappings = new types.DifferenceCollection((0, util_1.diffKeyedEntities)(oldValue, newValue, impl.diffMapping)),
		    Conditions: (diff, oldValue, newValue) => diff.conditions = new types.DifferenceCollection((0, util_1.diffKeyedEntities)(oldValue, newValue, impl.diffCondition)),
		    Transform: (diff, oldValue, newValue) => diff.transform = impl.diffAttribute(oldValue, newValue),
		    Resources: (diff, oldValue, newValue) => diff.resources = new types.DifferenceCollection((0, util_1.diffKeyedEntities)(oldValue, newValue, impl.diffResource)),
		    Outputs: (diff, oldValue, newValue) => diff.outputs = new types.DifferenceCollection((0, util_1.diffKeyedEntities)(oldValue, newValue, impl.diffOutput)),
		};
		/**
		 * Compare two CloudFormation templates and return semantic differences between them.
		 *
		 * @param currentTemplate - the current state of the stack.
		 * @param newTemplate     - the target state of the stack.
		 * @param changeSet       - the change set for this stack.
		 *
		 * @returns a +types.TemplateDiff+ object that represents the changes that will happen if
		 *      a stack which current state is described by +currentTemplate+ is updated with
		 *      the template +newTemplate+.
		 */
		function fullDiff(currentTemplate, newTemplate, changeSet, isImport) {
		    // `normalize` mutates the templates it is given (it sorts `DependsOn` arrays and rewrites
		    // `Fn::GetAtt` short form, among other things). We must not mutate the caller's objects,
		    // because they may be reused for other purposes (e.g. `cdk import` reuses the deployed
		    // template as the base for the IMPORT change set, and a reordered `DependsOn` there is
		    // rejected by CloudFormation as a "modification" to a non-imported resource).
		    // So we normalize copies and diff those.
		    const currentTemplateCopy = deepCopy(currentTemplate);
		    const newTemplateCopy = deepCopy(newTemplate);
		    normalize(currentTemplateCopy);
		    normalize(newTemplateCopy);
		    const theDiff = diffTemplate(currentTemplateCopy, newTemplateCopy);
		    if (changeSet) {
		        // These methods mutate the state of theDiff, using the changeSet.
		        const changeSetDiff = new template_and_changeset_diff_merger_1.TemplateAndChangeSetDiffMerger({ changeSet });
		        // Capture the resources the template diff knows about *before* we start
		        // mutating their change impacts. Resources that are already part of the
		        // template diff are handled by the override path below; resources that are
		        // only known to the change set (e.g. a property that resolves to a different
		        // value at deploy time, such as an SSM parameter or a CloudFormation dynamic
		        // reference) are added afterwards.
		        const resourcesInTemplateDiff = new Set(theDiff.resources.logicalIds);
		        theDiff.resources.forEachDifference((logicalId, change) => {
		            changeSetDiff.overrideDiffResourceChangeImpactWithChangeSetChangeImpact(logicalId, change);
		            // For resources the template diff already found, also surface any *additional* property
		            // changes that only the change set knows about (e.g. a deploy-time-resolved property).
		            changeSetDiff.addChangeSetPropertiesNotInTemplateDiff(logicalId, change);
		        });
		        changeSetDiff.addChangeSetResourcesNotInTemplateDiff(theDiff.resources, resourcesInTemplateDiff);
		        changeSetDiff.addImportInformationFromChangeset(theDiff.resources);
		    }
		    else if (isImport) {
		        makeAllResourceChangesImports(theDiff);
		    }
		    return theDiff;
		}
		function diffTemplate(currentTemplate, newTemplate) {
		    // Base diff
		    const theDiff = calculateTemplateDiff(currentTemplate, newTemplate);
		    // We're going to modify this in-place
		    const newTemplateCopy = deepCopy(newTemplate);
		    let didPropagateReferenceChanges;
		    let diffWithReplacements;
		    do {
		        diffWithReplacements = calculateTemplateDiff(currentTemplate, newTemplateCopy);
		        // Propagate replacements for replaced resources
		        didPropagateReferenceChanges = false;
		        if (diffWithReplacements.resources) {
		            const replaced = new Set();
		            diffWithReplacements.resources.forEachDifference((logicalId, change) => {
		                if (change.changeImpact === types.ResourceImpact.WILL_REPLACE) {
		                    replaced.add(logicalId);
		                }
		            });
		            if (replaced.size > 0 && propagateReplacedReferences(newTemplateCopy, replaced)) {
		                didPropagateReferenceChanges = true;
		            }
		        }
		    } while (didPropagateReferenceChanges);
		    // Copy "replaced" states from `diffWithReplacements` to `theDiff`.
		    diffWithReplacements.resources
		        .filter(r => isReplacement(r.changeImpact))
		        .forEachDifference((logicalId, downstreamReplacement) => {
		        const resource = theDiff.resources.get(logicalId);
		        if (resource.changeImpact !== downstreamReplacement.changeImpact) {
		            propagatePropertyReplacement(downstreamReplacement, resource);
		        }
		    });
		    return theDiff;
		}
		function isReplacement(impact) {
		    return impact === types.ResourceImpact.MAY_REPLACE || impact === types.ResourceImpact.WILL_REPLACE;
		}
		/**
		 * For all properties in 'source' that have a "replacement" impact, propagate that impact to "dest"
		 */
		function propagatePropertyReplacement(source, dest) {
		    for (const [propertyName, diff] of Object.entries(source.propertyUpdates)) {
		        if (diff.changeImpact && isReplacement(diff.changeImpact)) {
		            // Use the propertydiff of source in target. The result of this happens to be clear enough.
		            dest.setPropertyChange(propertyName, diff);
		        }
		    }
		}
		function calculateTemplateDiff(currentTemplate, newTemplate) {
		    const differences = {};
		    const unknown = {};
		    for (const key of (0, util_1.unionOf)(Object.keys(currentTemplate), Object.keys(newTemplate)).sort()) {
		        const oldValue = currentTemplate[key];
		        const newValue = newTemplate[key];
		        if ((0, util_1.deepEqual)(oldValue, newValue)) {
		            continue;
		        }
		        const handler = DIFF_HANDLERS[key]
		            || ((_diff, oldV, newV) => unknown[key] = impl.diffUnknown(oldV, newV));
		        handler(differences, oldValue, newValue);
		    }
		    if (Object.keys(unknown).length > 0) {
		        differences.unknown = new types.DifferenceCollection(unknown);
		    }
		    return new types.TemplateDiff(differences);
		}
		/**
		 * Replace all references to the given logicalID on the given template, in-place
		 *
		 * Returns true if any references were replaced.
		 */
		function propagateReplacedReferences(template, logicalIds) {
		    let ret = false;
		    function recurse(obj) {
		        if (Array.isArray(obj)) {
		            obj.forEach(recurse);
		        }
		        if (typeof obj === 'object' && obj !== null) {
		            if (!replaceReference(obj)) {
		                Object.values(obj).forEach(recurse);
		            }
		        }
		    }
		    function replaceReference(obj) {
		        const keys = Object.keys(obj);
		        if (keys.length !== 1) {
		            return false;
		        }
		        const key = keys[0];
		        if (key === 'Ref') {
		            if (logicalIds.has(obj.Ref)) {
		                obj.Ref = obj.Ref + ' (replaced)';
		                ret = true;
		            }
		            return true;
		        }
		        if (key.startsWith('Fn::')) {
		            if (Array.isArray(obj[key]) && obj[key].length > 0 && logicalIds.has(obj[key][0])) {
		                obj[key][0] = obj[key][0] + '(replaced)';
		                ret = true;
		            }
		            return true;
		        }
		        return false;
		    }
		    recurse(template);
		    return ret;
		}
		function deepCopy(x) {
		    if (Array.isArray(x)) {
		        return x.map(deepCopy);
		    }
		    if (typeof x === 'object' && x !== null) {
		        const ret = {};
		        for (const key of Object.keys(x)) {
		            ret[key] = deepCopy(x[key]);
		        }
		        return ret;
		    }
		    return x;
		}
		function makeAllResourceChangesImports(diff) {
		    diff.resources.forEachDifference((_logicalId, change) => {
		        change.isImport = true;
		    });
		}
		function normalize(template) {
		    if (typeof template === 'object') {
		        for (const key of (Object.keys(template ?? {}))) {
		            if (key === 'Fn::GetAtt' && typeof template[key] === 'string') {
		                template[key] = template[key].split('.');
		                continue;
		            }
		            else if (key === 'DependsOn') {
		                if (typeof template[key] === 'string') {
		                    template[key] = [template[key]];
		                }
		                else if (Array.isArray(template[key])) {
		                    template[key] = template[key].sort();
		                }
		                continue;
		            }
		            if (Array.isArray(template[key])) {
		                for (const element of (template[key])) {
		                    normalize(element);
		                }
		            }
		            else {
		                normalize(template[key]);
		            }
		        }
		    }
		}
		
	} (diffTemplate$2));
	return diffTemplate$2;
}

var diffTemplateExports = requireDiffTemplate();
var diffTemplate = /*@__PURE__*/getDefaultExportFromCjs(diffTemplateExports);

var diffTemplate$1 = /*#__PURE__*/_mergeNamespaces({
	__proto__: null,
	default: diffTemplate
}, [diffTemplateExports]);

export { diffTemplate$1 as d };
