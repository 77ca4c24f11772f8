// Which of this area's overlays are open: the find bar and the renumber dialog.
import { useSyncExternalStore } from 'react';
import { ValueStore } from '../../grid/grid-status';

export interface EditingUi {
  find: boolean;
  renumber: boolean;
}

export const editingUi = new ValueStore<EditingUi>({ find: false, renumber: false });

export function openEditingUi(patch: Partial<EditingUi>): void {
  editingUi.set({ ...editingUi.get(), ...patch });
}

export function useEditingUi(): EditingUi {
  return useSyncExternalStore(editingUi.subscribe, editingUi.get);
}
