from quickscan_app.ui.screens.new_dossier import render

render()
