import type {
  DiffEntry,
  MappingEdit,
  MappingValue,
  ParsedRequestOf as _Unused,
} from '../../../shared/mapping-contract';
