/**
 * Hands the form store, the current field errors and the environment overrides to every
 * field without threading them through each section's props.
 */
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { EnvOverrides } from '../../shared/settings/public-settings.ts';
import type { SettingsFormState, SettingsFormStore } from './settings-form-store.ts';

export interface FieldContextValue {
  errors: ReadonlyMap<string, string>;
  env: EnvOverrides;
}

export const FieldContext = createContext<FieldContextValue>({ errors: new Map(), env: {} });
export const FormStoreContext = createContext<SettingsFormStore | undefined>(undefined);

export function useFieldState(
  path: string,
  envKey?: string,
): { error?: string; envVariable?: string } {
  const { errors, env } = useContext(FieldContext);
  return { error: errors.get(path), envVariable: envKey === undefined ? undefined : env[envKey] };
}

export function useForm<T>(selector: (state: SettingsFormState) => T): T {
  const store = useContext(FormStoreContext);
  if (!store) throw new Error('useForm outside SettingsView');
  return useStore(store, selector);
}
